package dev.userpool.core.service;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.SignInResult;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.SignInChallenges;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.util.Optional;

/** Sessions and passwords of account holders. */
public final class AuthenticationService implements Authentication {
    private static final System.Logger LOG = System.getLogger(AuthenticationService.class.getName());

    private final Authenticator authenticator;
    private final TokenVerifier tokenVerifier;
    private final UserDirectory directory;
    private final Mailer mailer;
    private final PasswordPolicy passwordPolicy;
    private final UserEnumerationProtection protection;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final AccountNames names;
    private final AddressAttemptLimits limits;
    private final Optional<SignInChallenges> challenges;

    /** @param challenges sign-ins by challenge (SRP), when the directory poses them; without, they are refused */
    public AuthenticationService(Authenticator authenticator, TokenVerifier tokenVerifier, UserDirectory directory,
                                 Mailer mailer, AuditLog auditLog, PasswordPolicy passwordPolicy,
                                 UserEnumerationProtection protection, Clock clock,
                                 Optional<SignInChallenges> challenges) {
        this.authenticator = authenticator;
        this.challenges = java.util.Objects.requireNonNull(challenges, "challenges");
        this.tokenVerifier = tokenVerifier;
        this.directory = directory;
        this.mailer = mailer;
        this.passwordPolicy = passwordPolicy;
        this.protection = protection;
        this.audit = new AuditTrail(auditLog, clock);
        this.notifications = new Notifications(clock);
        this.limits = new AddressAttemptLimits(clock);
        this.names = new AccountNames(directory);
    }

    @Override
    public Tokens signIn(SignInCommand cmd) {
        return tokensOf(signInStep(cmd));
    }

    @Override
    public SignInResult signInStep(SignInCommand cmd) {
        var event = audit.begin(AuditEventType.SIGN_IN, AccountNames.asGiven(cmd.email()), cmd.context());
        SignInStep step;
        try {
            step = audit.run(event, () -> {
                EmailAddress email = names.addressOf(cmd.email());
                event.email(email.value());
                Password password = Password.of(cmd.password());
                // A refusal names its account itself (AuditTrail), so a failure costs no second look-up.
                SignInStep opened = authenticatorFor(cmd.context()).signInStep(email, password);
                event.account(opened.principal()).passwordChecked(true);
                if (opened instanceof NewPasswordRequired) event.becomes(AuditEventType.NEW_PASSWORD_REQUIRED);
                if (opened instanceof dev.userpool.core.domain.MfaRequired) event.becomes(AuditEventType.MFA_REQUIRED);
                return opened;
            });
        } catch (UserPoolException e) {
            throw protection.atSignIn(e);
        }
        if (step instanceof SignedIn signedIn && signedIn.passwordRehashed()) {
            audit.begin(AuditEventType.PASSWORD_REHASHED, "", cmd.context()).account(signedIn.principal()).success();
        }
        return resultOf(step);
    }

    private static SignInResult resultOf(SignInStep step) {
        if (step instanceof NewPasswordRequired challenge) return new SignInResult.NewPasswordChallenge(challenge);
        if (step instanceof dev.userpool.core.domain.MfaRequired mfa) return new SignInResult.MfaChallenge(mfa);
        return new SignInResult.Completed(((SignedIn) step).tokens());
    }

    /** For callers that cannot present the challenge: the sign-in is refused, and the event says why it stopped. */
    private static Tokens tokensOf(SignInResult result) {
        if (result instanceof SignInResult.Completed completed) return completed.tokens();
        if (result instanceof SignInResult.MfaChallenge mfa) {
            throw UserPoolException.notAuthorized("A second factor is required: answer the " + mfa.challenge().kind()
                    + " challenge (POST /api/signin/mfa, or RespondToAuthChallenge).");
        }
        throw UserPoolException.notAuthorized("A new password is required: answer the " + NewPasswordRequired.NAME
                + " challenge (POST /api/signin/new-password, or RespondToAuthChallenge).");
    }

    @Override
    public Tokens completeNewPassword(NewPasswordCommand cmd) {
        String username = cmd.username() == null ? "" : cmd.username().strip();
        var event = audit.begin(AuditEventType.NEW_PASSWORD_CHOSEN, AccountNames.asGiven(username), cmd.context());
        SignedIn signedIn;
        try {
            signedIn = audit.run(event, () -> {
                if (username.isEmpty()) throw UserPoolException.invalidParameter("USERNAME", "is required");
                String session = requireToken(cmd.session(), "Session");
                Password newPassword = Password.of(cmd.newPassword());
                passwordPolicy.check(newPassword);
                // Whatever is wrong with the name or the session answers alike: nobody learns which names
                // have accounts, or which wait for a new password, without the challenge's session.
                User user = claimedAccount(username).orElseThrow(AuthenticationService::invalidSession);
                event.account(Principal.of(user));
                if (!user.needsNewPassword()) throw invalidSession();
                SignedIn opened = authenticatorFor(cmd.context()).completeNewPassword(user.chooseNewPassword(), session, newPassword);
                event.account(opened.principal());
                return opened;
            });
        } catch (UserPoolException e) {
            throw protection.atSignIn(e);
        }
        return signedIn.tokens();
    }

    private static UserPoolException invalidSession() {
        return UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
    }

    /**
     * A posed challenge is not yet an outcome: the answer is, and {@link #signIn(ChallengeSignInCommand)}
     * records it. So only a refusal here (no challenges in this pool, a bad {@code SRP_A}, too many
     * pending challenges) is recorded: the failed {@code SIGN_IN} it ends.
     */
    @Override
    public PasswordVerifierChallenge startSignIn(StartSignInCommand cmd) {
        String username = cmd.username() == null ? "" : cmd.username().strip();
        var event = audit.begin(AuditEventType.SIGN_IN, username.contains("@") ? username : "", cmd.context());
        return audit.validate(event, () -> {
            SignInChallenges posed = challengesPosed();
            if (username.isEmpty()) throw UserPoolException.invalidParameter("USERNAME", "is required");
            return posed.pose(username, cmd.srpA(), callerOf(cmd.context()));
        });
    }

    /** Who shares a cap on pending challenges: the request's source address; requests without one share one. */
    private static String callerOf(RequestContext context) {
        return context.sourceIp().orElse("unknown");
    }

    @Override
    public Optional<String> challengedName(String session) {
        if (session == null || session.isBlank()) return Optional.empty();
        return challenges.flatMap(c -> c.challengedName(session));
    }

    @Override
    public Tokens signIn(ChallengeSignInCommand cmd) {
        return tokensOf(signInStep(cmd));
    }

    @Override
    public SignInResult signInStep(ChallengeSignInCommand cmd) {
        String username = cmd.username() == null ? "" : cmd.username().strip();
        var event = audit.begin(AuditEventType.SIGN_IN, username.contains("@") ? username : "", cmd.context());
        try {
            return audit.run(event, () -> {
                if (username.isEmpty()) throw UserPoolException.invalidParameter("username", "is required");
                ChallengeAnswer answer = java.util.Objects.requireNonNull(cmd.answer(), "answer");
                SignInChallenges posed = challengesPosed();
                // The event names the account the answer claims, as a password sign-in names the address given.
                claimedAccount(username).ifPresent(u -> event.user(u.id()).email(u.email().value()));
                SignInStep step = cmd.context().clientId().map(posed::forAppClient).orElse(posed).answerStep(answer);
                event.account(step.principal()).passwordChecked(true);
                if (step instanceof NewPasswordRequired) event.becomes(AuditEventType.NEW_PASSWORD_REQUIRED);
                if (step instanceof dev.userpool.core.domain.MfaRequired) event.becomes(AuditEventType.MFA_REQUIRED);
                return resultOf(step);
            });
        } catch (UserPoolException e) {
            throw protection.atSignIn(e);
        }
    }

    /** The authenticator signing in for the request's app client (issue 15), or the default client's. */
    private Authenticator authenticatorFor(RequestContext context) {
        return context.clientId().map(authenticator::forClient).orElse(authenticator);
    }

    private SignInChallenges challengesPosed() {
        return challenges.orElseThrow(() -> UserPoolException.invalidParameter("AuthFlow",
                "sign-in challenges (USER_SRP_AUTH) are not enabled: this pool keeps no SRP verifiers; sign in with the password"));
    }

    /** The account a challenge answer is for, by address or by id; empty when there is none or the name is malformed. */
    private Optional<User> claimedAccount(String username) {
        try {
            return username.contains("@") ? directory.find(EmailAddress.parse(username)) : directory.findById(new UserId(username));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.INVALID_PARAMETER) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Tokens refresh(TokenCommand cmd) {
        var event = audit.begin(AuditEventType.TOKENS_REFRESHED, "", cmd.context());
        return audit.run(event, () -> {
            String refreshToken = requireToken(cmd.token(), "refreshToken");
            SignedIn refreshed = authenticatorFor(cmd.context()).refresh(refreshToken);
            event.account(refreshed.principal());
            return refreshed.tokens();
        });
    }

    @Override
    public void signOut(TokenCommand cmd) {
        var event = audit.begin(AuditEventType.SIGN_OUT, "", cmd.context());
        audit.run(event, () -> {
            String accessToken = requireToken(cmd.token(), "accessToken");
            User user = userOf(accessToken, event);
            event.email(user.email().value());
            authenticator.globalSignOut(accessToken);
            return null;
        });
    }

    @Override
    public void revokeToken(TokenCommand cmd) {
        var event = audit.begin(AuditEventType.SIGN_OUT, "", cmd.context());
        audit.run(event, () -> {
            String refreshToken = requireToken(cmd.token(), "token");
            UserId owner = authenticator.revokeRefreshToken(refreshToken);
            event.user(owner);
            directory.findById(owner).ifPresent(u -> event.email(u.email().value()));
            return null;
        });
    }

    @Override
    public CodeDelivery forgotPassword(EmailCommand cmd) {
        var event = audit.begin(AuditEventType.PASSWORD_RESET_REQUESTED, AccountNames.asGiven(cmd.email()), cmd.context());
        EmailAddress email = audit.validate(event, () -> names.addressOf(cmd.email()));
        event.email(email.value());
        try {
            return audit.run(event, () -> {
                // Counted for every address, so that the sixth request is refused alike with or without an account.
                if (protection.enabled()) limits.take(AddressAttemptLimits.Action.FORGOT_PASSWORD, email);
                directory.find(email).ifPresent(u -> event.user(u.id()));
                return authenticator.forgotPassword(email);
            });
        } catch (UserPoolException e) {
            if (protection.hides(e)) return CodeDelivery.email(email);
            throw e;
        }
    }

    @Override
    public void resetPassword(ResetPasswordCommand cmd) {
        var event = audit.begin(AuditEventType.PASSWORD_RESET, AccountNames.asGiven(cmd.email()), cmd.context());
        EmailAddress email;
        try {
            email = audit.run(event, () -> {
                EmailAddress address = names.addressOf(cmd.email());
                event.email(address.value());
                ConfirmationCode code = ConfirmationCode.parse(cmd.code());
                Password newPassword = Password.of(cmd.newPassword());
                passwordPolicy.check(newPassword);
                directory.find(address).ifPresent(u -> event.user(u.id()));
                authenticator.confirmForgotPassword(address, code, newPassword);
                return address;
            });
        } catch (UserPoolException e) {
            throw protection.atCodeCheck(e);
        }
        notify(notifications.passwordReset(email));
    }

    @Override
    public void changePassword(ChangePasswordCommand cmd) {
        var event = audit.begin(AuditEventType.PASSWORD_CHANGED, "", cmd.context());
        User user = audit.run(event, () -> {
            String accessToken = requireToken(cmd.accessToken(), "accessToken");
            Password oldPassword = Password.of(cmd.oldPassword());
            Password newPassword = Password.of(cmd.newPassword());
            passwordPolicy.check(newPassword);
            User who = userOf(accessToken, event);
            authenticator.changePassword(accessToken, oldPassword, newPassword);
            return who;
        });
        notify(notifications.passwordChanged(user.email()));
    }

    @Override
    public CurrentUser currentUser(String bearerToken) {
        VerifiedToken token = tokenVerifier.verify(requireToken(bearerToken, "token"));
        User user = activeAccount(token);
        return new CurrentUser(user.id(), user.email(), user.emailVerified(), user.status(), token.groups(), user.attributes());
    }

    @Override
    public void deleteAccount(TokenCommand cmd) {
        var event = audit.begin(AuditEventType.USER_DELETED, "", cmd.context());
        User user = audit.run(event, () -> {
            String accessToken = requireToken(cmd.token(), "accessToken");
            User who = userOf(accessToken, event);
            directory.delete(who.email());
            return who;
        });
        notify(notifications.accountDeleted(user.email()));
    }

    /** The account behind an access token, noted on the event as soon as it is known. */
    private User userOf(String accessToken, AuditTrail.Draft event) {
        VerifiedToken token = tokenVerifier.verify(accessToken);
        if (token.use() != VerifiedToken.TokenUse.ACCESS) {
            throw UserPoolException.notAuthorized("An access token is required, not an ID token.");
        }
        event.user(token.userId());
        User user = activeAccount(token);
        event.email(user.email().value());
        return user;
    }

    /** A valid token is not enough: the account must still exist and be enabled (Cognito: "User is disabled."). */
    private User activeAccount(VerifiedToken token) {
        User user = directory.findById(token.userId())
                .orElseThrow(() -> UserPoolException.notAuthorized("The account of this token no longer exists."));
        if (!user.enabled()) throw UserPoolException.notAuthorized("User is disabled.");
        return user;
    }

    private static String requireToken(String token, String field) {
        if (token == null || token.isBlank()) throw UserPoolException.invalidParameter(field, "is required");
        return token.strip();
    }

    /** A notice that cannot be delivered must not undo what already happened; it is logged instead. */
    private void notify(EmailMessage message) {
        try {
            mailer.deliver(message);
        } catch (UserPoolException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not deliver {0}: {1}", message, e.code().code());
        }
    }

}
