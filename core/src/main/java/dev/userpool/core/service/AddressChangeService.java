package dev.userpool.core.service;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.in.AddressChange;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.util.Optional;

/**
 * Changing an account's address with proof of the new one. Only a signed-in holder (an access token)
 * reaches it, so there is no unknown account to hide; what must not leak is whether the new address is
 * another account's: asking for it answers alike either way, and only a proven code learns it (then
 * {@code UsernameExists}, Cognito's {@code AliasExistsException}), so one address stays one account's.
 * The codes sent to one new address are limited per hour whichever accounts ask, so nobody can flood
 * an address with them. When a change is done the old address is told, since it no longer signs in.
 */
public final class AddressChangeService implements AddressChange {
    private static final System.Logger LOG = System.getLogger(AddressChangeService.class.getName());

    private final EmailChanges changes;
    private final UserDirectory directory;
    private final TokenVerifier tokenVerifier;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final AddressAttemptLimits limits;
    private final Notifications notifications;

    public AddressChangeService(EmailChanges changes, UserDirectory directory, TokenVerifier tokenVerifier,
                                Mailer mailer, AuditLog auditLog, Clock clock) {
        this.changes = changes;
        this.directory = directory;
        this.tokenVerifier = tokenVerifier;
        this.mailer = mailer;
        this.audit = new AuditTrail(auditLog, clock);
        this.limits = new AddressAttemptLimits(clock);
        this.notifications = new Notifications(clock);
    }

    @Override
    public Optional<CodeDelivery> request(RequestCommand cmd) {
        var event = audit.begin(AuditEventType.EMAIL_CHANGE_REQUESTED, "", cmd.context()).method(ConfirmationMethod.CODE);
        return audit.run(event, () -> {
            String accessToken = requireToken(cmd.accessToken());
            EmailAddress newEmail = EmailAddress.parse(cmd.newEmail());
            User user = userOf(accessToken, event);
            // The same address again changes nothing (as a form that sends every attribute expects).
            if (newEmail.equals(user.email())) return Optional.empty();
            limits.take(AddressAttemptLimits.Action.EMAIL_CHANGE_CODE, newEmail);
            return Optional.of(changes.request(user, newEmail, accessToken));
        });
    }

    @Override
    public User verify(VerifyCommand cmd) {
        var event = audit.begin(AuditEventType.EMAIL_CHANGED, "", cmd.context()).method(ConfirmationMethod.CODE);
        User[] before = new User[1];
        User after = audit.run(event, () -> {
            String accessToken = requireToken(cmd.accessToken());
            ConfirmationCode code = ConfirmationCode.parse(cmd.code());
            User user = userOf(accessToken, event);
            before[0] = user;
            User changed = changes.verify(user, code, accessToken);
            if (changed.email().equals(user.email())) {
                event.type(AuditEventType.EMAIL_VERIFIED);
            } else {
                // the event names the account by the address it has now; the request named the old one
                event.email(changed.email().value());
            }
            return changed;
        });
        if (!after.email().equals(before[0].email())) notify(notifications.emailChanged(before[0].email(), after.email()));
        return after;
    }

    @Override
    public CodeDelivery resendCode(TokenCommand cmd) {
        var event = audit.begin(AuditEventType.EMAIL_CHANGE_CODE_SENT, "", cmd.context()).method(ConfirmationMethod.CODE);
        return audit.run(event, () -> {
            String accessToken = requireToken(cmd.token());
            User user = userOf(accessToken, event);
            return changes.resendCode(user, accessToken);
        });
    }

    /** The account behind an access token, noted on the event as soon as it is known. */
    private User userOf(String accessToken, AuditTrail.Draft event) {
        VerifiedToken token = tokenVerifier.verify(accessToken);
        if (token.use() != VerifiedToken.TokenUse.ACCESS) {
            throw UserPoolException.notAuthorized("An access token is required, not an ID token.");
        }
        event.user(token.userId());
        User user = directory.findById(token.userId())
                .orElseThrow(() -> UserPoolException.notAuthorized("The account of this token no longer exists."));
        if (!user.enabled()) throw UserPoolException.notAuthorized("User is disabled.");
        event.email(user.email().value());
        return user;
    }

    private static String requireToken(String token) {
        if (token == null || token.isBlank()) throw UserPoolException.invalidParameter("accessToken", "is required");
        return token.strip();
    }

    /** A notice that cannot be delivered must not undo the change; it is logged instead. */
    private void notify(EmailMessage message) {
        try {
            mailer.deliver(message);
        } catch (UserPoolException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not deliver {0}: {1}", message, e.code().code());
        }
    }
}
