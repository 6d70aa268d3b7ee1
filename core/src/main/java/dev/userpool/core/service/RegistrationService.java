package dev.userpool.core.service;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailVerificationStatus;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.util.Optional;

/** Sign-up and confirmation, by code (the directory's) or by link (the {@link EmailVerifier}'s). */
public final class RegistrationService implements Registration {
    private static final System.Logger LOG = System.getLogger(RegistrationService.class.getName());

    private final UserDirectory directory;
    private final AccountNames names;
    private final EmailVerifier emailVerifier;
    private final PasswordPolicy passwordPolicy;
    private final VerificationMode verification;
    private final UserEnumerationProtection protection;
    private final AuditTrail audit;
    private final AddressAttemptLimits limits;
    private final AttributePolicy attributePolicy;

    /** How sign-up proves the address. */
    public enum VerificationMode { CODE, LINK }

    public RegistrationService(UserDirectory directory, EmailVerifier emailVerifier, AuditLog auditLog,
                               PasswordPolicy passwordPolicy, VerificationMode verification,
                               UserEnumerationProtection protection, Clock clock) {
        this(directory, emailVerifier, auditLog, passwordPolicy, verification, protection, clock, AttributePolicy.cognitoDefault());
    }

    /** @param attributePolicy which attributes sign-up requires and which the app client may write */
    public RegistrationService(UserDirectory directory, EmailVerifier emailVerifier, AuditLog auditLog,
                               PasswordPolicy passwordPolicy, VerificationMode verification,
                               UserEnumerationProtection protection, Clock clock, AttributePolicy attributePolicy) {
        this.attributePolicy = java.util.Objects.requireNonNull(attributePolicy, "attributePolicy");
        this.directory = directory;
        this.names = new AccountNames(directory);
        this.emailVerifier = emailVerifier;
        this.passwordPolicy = passwordPolicy;
        this.verification = verification;
        this.protection = protection;
        this.audit = new AuditTrail(auditLog, clock);
        this.limits = new AddressAttemptLimits(clock);
    }

    @Override
    public SignUpResult signUp(SignUpCommand cmd) {
        var event = audit.begin(AuditEventType.SIGN_UP, cmd.email(), cmd.context());
        return audit.run(event, () -> {
            EmailAddress email = EmailAddress.parse(cmd.email());
            Password password = Password.of(cmd.password());
            passwordPolicy.check(password);
            UserAttributes attributes = signUpAttributes(email, cmd.attributes());
            boolean byLink = verification == VerificationMode.LINK;
            UserDirectory.SignUpOutcome outcome = directory.signUp(email, password, attributes, !byLink);
            event.user(outcome.user().id());
            if (byLink) sendLinkOrUndo(outcome.user());
            CodeDelivery delivery = outcome.codeDelivery().orElseGet(() -> CodeDelivery.email(email));
            return new SignUpResult(outcome.user(), delivery, byLink ? ConfirmationMethod.LINK : ConfirmationMethod.CODE);
        });
    }

    /**
     * With user-enumeration protection an address without an account, or with an account already
     * confirmed, fails like a wrong code, under the same attempt limit as a real account.
     */
    @Override
    public User confirm(ConfirmCommand cmd) {
        var event = audit.begin(AuditEventType.SIGN_UP_CONFIRMED, AccountNames.asGiven(cmd.email()), cmd.context())
                .method(ConfirmationMethod.CODE);
        var confirmedBefore = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return audit.change(event, () -> {
                EmailAddress email = names.addressOf(cmd.email());
                event.email(email.value());
                ConfirmationCode code = ConfirmationCode.parse(cmd.code());
                if (protection.enabled()) limits.take(AddressAttemptLimits.Action.CONFIRM_SIGN_UP, email);
                User user = directory.find(email).orElseThrow(UserPoolException::userNotFound);
                event.user(user.id());
                confirmedBefore.set(user.status() != UserStatus.UNCONFIRMED);
                User.Transition confirmation = user.confirm(ConfirmationMethod.CODE);
                directory.confirmSignUp(confirmation, code);
                return confirmation;
            });
        } catch (UserPoolException e) {
            if (protection.enabled() && confirmedBefore.get()) throw protection.atCodeCheck(UserPoolException.userNotFound());
            throw protection.atCodeCheck(e);
        }
    }

    /**
     * With user-enumeration protection an address without an account, or whose account is already
     * confirmed, is answered as if a code was sent, under the same attempt limit as a real account.
     */
    @Override
    public CodeDelivery resendCode(EmailCommand cmd) {
        var event = audit.begin(AuditEventType.CONFIRMATION_CODE_SENT, AccountNames.asGiven(cmd.email()), cmd.context())
                .method(ConfirmationMethod.CODE);
        EmailAddress email = audit.validate(event, () -> names.addressOf(cmd.email()));
        event.email(email.value());
        var confirmedBefore = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return audit.run(event, () -> {
                if (protection.enabled()) limits.take(AddressAttemptLimits.Action.RESEND_CONFIRMATION_CODE, email);
                directory.find(email).ifPresent(u -> {
                    event.user(u.id());
                    confirmedBefore.set(u.status() != UserStatus.UNCONFIRMED);
                });
                return directory.resendConfirmationCode(email);
            });
        } catch (UserPoolException e) {
            if (protection.hides(e) || protection.enabled() && confirmedBefore.get()) return CodeDelivery.email(email);
            throw e;
        }
    }

    /**
     * Only where the pool verifies by link, at most five an hour per address (as resending a code).
     * With user-enumeration protection an address without an account, or already verified, is
     * answered as if the link was sent.
     */
    @Override
    public CodeDelivery sendVerificationLink(EmailCommand cmd) {
        var event = audit.begin(AuditEventType.VERIFICATION_LINK_SENT, cmd.email(), cmd.context())
                .method(ConfirmationMethod.LINK);
        EmailAddress email = audit.validate(event, () -> EmailAddress.parse(cmd.email()));
        var verifiedBefore = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return audit.run(event, () -> {
                if (verification != VerificationMode.LINK) {
                    throw UserPoolException.invalidParameter("email", "this pool verifies addresses by code, not by link;"
                            + " ask for a new code instead");
                }
                limits.take(AddressAttemptLimits.Action.VERIFICATION_LINK, email);
                User user = directory.find(email).orElseThrow(UserPoolException::userNotFound);
                event.user(user.id());
                if (user.emailVerified()) {
                    verifiedBefore.set(true);
                    throw UserPoolException.invalidParameter("email", "is already verified");
                }
                emailVerifier.sendVerification(email);
                return CodeDelivery.email(email);
            });
        } catch (UserPoolException e) {
            if (protection.hides(e) || protection.enabled() && verifiedBefore.get()) return CodeDelivery.email(email);
            throw e;
        }
    }

    @Override
    public LinkCompletion completeLinkVerification(EmailCommand cmd) {
        var event = audit.begin(AuditEventType.EMAIL_VERIFIED, cmd.email(), cmd.context())
                .method(ConfirmationMethod.LINK);
        EmailAddress email = audit.validate(event, () -> EmailAddress.parse(cmd.email()));
        Optional<User> found = directory.find(email);
        if (found.isEmpty()) {
            event.failure(ErrorCode.USER_NOT_FOUND);
            if (protection.enabled()) return new LinkCompletion(EmailVerificationStatus.NOT_STARTED, Optional.empty());
            throw UserPoolException.userNotFound();
        }
        User user = found.get();
        event.user(user.id());
        if (user.status() == UserStatus.CONFIRMED && user.emailVerified()) {
            // A second completion is harmless. Ask no verifier: the first one made it forget the address.
            return new LinkCompletion(EmailVerificationStatus.VERIFIED, Optional.of(user));
        }
        EmailVerificationStatus status = emailVerifier.status(email);
        if (status != EmailVerificationStatus.VERIFIED) {
            // Nothing happened yet: the person has not clicked the link (or it failed). Not an audit outcome.
            return new LinkCompletion(status, Optional.of(user));
        }
        User done = audit.change(event, () -> {
            User.Transition verified = user.completeLinkVerification();
            directory.save(verified);
            return verified;
        });
        try {
            emailVerifier.forget(email);
        } catch (UserPoolException e) {
            // The account is confirmed either way; a leftover identity is only housekeeping.
            LOG.log(System.Logger.Level.WARNING, "Could not forget the verified address {0}: {1}", email.masked(),
                    e.code().code());
        }
        return new LinkCompletion(status, Optional.of(done));
    }

    /**
     * The attributes a sign-up gives, checked as Cognito checks SignUp's: what the app client may write,
     * what the pool requires, what the schema allows. An {@code email} must be the address signed up with
     * (the username); it is the account's own field, not one of its attributes. The custom attributes
     * are read only when some are given.
     */
    private UserAttributes signUpAttributes(EmailAddress email, java.util.Map<String, String> given) {
        java.util.Map<String, String> rest = new java.util.HashMap<>(given);
        String address = rest.remove(AttributeSchema.EMAIL);
        if (address != null && !address.strip().toLowerCase(java.util.Locale.ROOT).equals(email.value())) {
            throw UserPoolException.invalidParameter("email", "the email attribute must be the address signed up with");
        }
        attributePolicy.requireClientMayWrite(given.keySet());
        attributePolicy.requirePresentAtSignUp(given.keySet());
        if (rest.isEmpty()) return UserAttributes.none();
        boolean custom = rest.keySet().stream().anyMatch(n -> n.startsWith(AttributeDefinition.CUSTOM_PREFIX));
        AttributeSchema schema = custom ? new AttributeSchema(directory.customAttributes()) : AttributeSchema.standardOnly();
        return schema.checkNew(rest);
    }

    /**
     * Sends the link for a new account. If it cannot be sent (the email service is busy or down), the
     * account is removed again so that signing up once more works, instead of leaving an account
     * nobody can confirm and a "UsernameExists" for the retry.
     */
    private void sendLinkOrUndo(User created) {
        try {
            emailVerifier.sendVerification(created.email());
        } catch (UserPoolException e) {
            try {
                directory.delete(created.email());
            } catch (UserPoolException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
