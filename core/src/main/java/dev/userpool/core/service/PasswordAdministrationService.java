package dev.userpool.core.service;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.InvitationSettings;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.domain.TemporaryPasswords;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Invitations and an operator's password actions. The core decides every password (the one given,
 * checked against the policy, or a generated one) and sends the invitation itself through the
 * {@link Mailer}, so every directory, embedded or Cognito, invites alike; the {@link AccountProvisioner}
 * stores what it is given.
 */
public final class PasswordAdministrationService implements PasswordAdministration {
    private static final System.Logger LOG = System.getLogger(PasswordAdministrationService.class.getName());

    private final UserDirectory directory;
    private final AccountProvisioner provisioner;
    private final Mailer mailer;
    private final PasswordPolicy policy;
    private final InvitationSettings settings;
    private final Clock clock;
    private final AuditTrail audit;
    private final AccountNames names;
    private final Notifications notifications;
    private final TemporaryPasswords temporaryPasswords;

    public PasswordAdministrationService(UserDirectory directory, AccountProvisioner provisioner, Mailer mailer,
                                         AuditLog auditLog, PasswordPolicy policy, InvitationSettings settings,
                                         Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = new AuditTrail(auditLog, clock);
        this.names = new AccountNames(directory);
        this.notifications = new Notifications(clock);
        this.temporaryPasswords = new TemporaryPasswords(policy, new SecureRandom());
    }

    @Override
    public User invite(InviteCommand cmd) {
        var event = audit.begin(AuditEventType.USER_INVITED, AccountNames.asGiven(cmd.username()), cmd.context())
                .actor(cmd.actor());
        record Invited(User user, Password temporary, Instant expiresAt) {}
        Invited invited = audit.run(event, () -> {
            Password temporary = temporaryPassword(cmd.temporaryPassword());
            Instant expiresAt = clock.instant().plus(settings.temporaryPasswordValidity());
            if (cmd.action() == MessageAction.RESEND) {
                User user = directory.find(names.addressOf(cmd.username())).orElseThrow(UserPoolException::userNotFound);
                event.email(user.email().value()).user(user.id());
                if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                    throw new UserPoolException(ErrorCode.UNSUPPORTED_USER_STATE,
                            "Resend not possible. " + cmd.username().strip() + " status is not FORCE_CHANGE_PASSWORD");
                }
                provisioner.setPassword(user.setPasswordByAdmin(false), temporary, Optional.of(expiresAt));
                return new Invited(user, temporary, expiresAt);
            }
            EmailAddress email = addressOf(cmd);
            event.email(email.value());
            // the pool's schema decides the attributes, as at sign-up: unknown, malformed or over-long ones are refused
            UserAttributes attributes = new AttributeSchema(directory.customAttributes()).checkNew(cmd.attributes().values());
            User user = provisioner.create(email, cmd.emailVerified(), attributes, temporary, expiresAt);
            event.user(user.id());
            return new Invited(user, temporary, expiresAt);
        });
        if (cmd.action() != MessageAction.SUPPRESS) {
            notify(notifications.invitation(invited.user().email(), invited.temporary(), invited.expiresAt(),
                    settings.signInPage()));
        }
        return invited.user();
    }

    /**
     * The address of a new account: the username, an address in a pool whose users sign in with their
     * address; an {@code email} attribute may repeat it, or give it when the username is no address.
     */
    private static EmailAddress addressOf(InviteCommand cmd) {
        String username = cmd.username() == null ? "" : cmd.username().strip();
        if (username.isEmpty() && cmd.email().isEmpty()) throw UserPoolException.invalidParameter("Username", "is required");
        Optional<EmailAddress> attribute = cmd.email().map(EmailAddress::parse);
        if (!username.contains("@")) {
            return attribute.orElseThrow(() -> UserPoolException.invalidParameter("Username",
                    "should be an email: this pool's users sign in with their email address"));
        }
        EmailAddress named = EmailAddress.parse(username);
        if (attribute.isPresent() && !attribute.get().equals(named)) {
            throw UserPoolException.invalidParameter("email", "must be the username: this pool's users sign in with their email address");
        }
        return named;
    }

    private Password temporaryPassword(Optional<String> given) {
        if (given.isEmpty() || given.get().isEmpty()) return temporaryPasswords.generate();
        Password password = Password.of(given.get());
        policy.check(password);
        return password;
    }

    @Override
    public User setPassword(SetPasswordCommand cmd) {
        var event = audit.begin(AuditEventType.PASSWORD_SET_BY_ADMIN, AccountNames.asGiven(cmd.username()), cmd.context())
                .actor(cmd.actor());
        return audit.change(event, () -> {
            Password password = Password.of(cmd.password());
            policy.check(password);
            User user = find(cmd.username(), event);
            User.Transition change = user.setPasswordByAdmin(cmd.permanent());
            Optional<Instant> until = cmd.permanent() ? Optional.empty()
                    : Optional.of(clock.instant().plus(settings.temporaryPasswordValidity()));
            provisioner.setPassword(change, password, until);
            return change;
        });
    }

    @Override
    public User resetPassword(AdminCommand cmd) {
        var event = audit.begin(AuditEventType.PASSWORD_RESET_BY_ADMIN, AccountNames.asGiven(cmd.email()), cmd.context())
                .actor(cmd.actor());
        return audit.change(event, () -> {
            User.Transition reset = find(cmd.email(), event).resetPasswordByAdmin();
            provisioner.requireReset(reset);
            return reset;
        });
    }

    private User find(String name, AuditTrail.Draft event) {
        EmailAddress email = names.addressOf(name);
        event.email(email.value());
        User user = directory.find(email).orElseThrow(UserPoolException::userNotFound);
        event.user(user.id());
        return user;
    }

    /** The account exists whether or not its invitation could be delivered; RESEND sends it again. */
    private void notify(EmailMessage message) {
        try {
            mailer.deliver(message);
        } catch (UserPoolException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not deliver {0}: {1}; AdminCreateUser with RESEND sends a new one",
                    message, e.code().code());
        }
    }
}
