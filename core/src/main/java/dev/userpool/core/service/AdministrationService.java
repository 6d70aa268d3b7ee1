package dev.userpool.core.service;

import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Operator actions on accounts; each names who took it as the event's actor. */
public final class AdministrationService implements Administration {
    private static final System.Logger LOG = System.getLogger(AdministrationService.class.getName());

    private final UserDirectory directory;
    private final AccountNames names;
    private final Optional<Authenticator> authenticator;
    private final TokenVerifier tokenVerifier;
    private final Mailer mailer;
    private final AdminPolicy adminPolicy;
    private final AuditTrail audit;
    private final Notifications notifications;
    /** Where membership of the admin group is read; without one, only the configured addresses administer. */
    private final Optional<GroupDirectory> groups;

    /** Without an authenticator: {@link #signOut} is refused. */
    public AdministrationService(UserDirectory directory, TokenVerifier tokenVerifier, Mailer mailer,
                                 AuditLog auditLog, AdminPolicy adminPolicy, Clock clock) {
        this(directory, Optional.empty(), tokenVerifier, mailer, auditLog, adminPolicy, clock, Optional.empty());
    }

    /** Without groups: only the configured addresses administer. */
    public AdministrationService(UserDirectory directory, Authenticator authenticator, TokenVerifier tokenVerifier,
                                 Mailer mailer, AuditLog auditLog, AdminPolicy adminPolicy, Clock clock) {
        this(directory, Optional.of(authenticator), tokenVerifier, mailer, auditLog, adminPolicy, clock, Optional.empty());
    }

    /** The members of the policy's admin group administer too. */
    public AdministrationService(UserDirectory directory, Authenticator authenticator, TokenVerifier tokenVerifier,
                                 Mailer mailer, AuditLog auditLog, AdminPolicy adminPolicy, Clock clock,
                                 GroupDirectory groups) {
        this(directory, Optional.of(authenticator), tokenVerifier, mailer, auditLog, adminPolicy, clock, Optional.of(groups));
    }

    private AdministrationService(UserDirectory directory, Optional<Authenticator> authenticator, TokenVerifier tokenVerifier,
                                  Mailer mailer, AuditLog auditLog, AdminPolicy adminPolicy, Clock clock,
                                  Optional<GroupDirectory> groups) {
        this.groups = groups;
        this.directory = directory;
        this.names = new AccountNames(directory);
        this.authenticator = authenticator;
        this.tokenVerifier = tokenVerifier;
        this.mailer = mailer;
        this.adminPolicy = adminPolicy;
        this.audit = new AuditTrail(auditLog, clock);
        this.notifications = new Notifications(clock);
    }

    @Override
    public Administrator authorize(String bearerToken) {
        AdminAccess access = access(bearerToken);
        if (access instanceof AdminAccess.Denied denied) throw UserPoolException.notAuthorized(denied.reason());
        return ((AdminAccess.Granted) access).administrator();
    }

    @Override
    public AdminAccess access(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw UserPoolException.notAuthorized("An administrator's access token is required.");
        }
        VerifiedToken token = tokenVerifier.verify(bearerToken.strip());
        User user = directory.findById(token.userId())
                .orElseThrow(() -> UserPoolException.notAuthorized("The account of this token no longer exists."));
        // A token outlives the disabling of its account; a disabled administrator administers no more.
        if (!user.enabled()) throw UserPoolException.notAuthorized("User is disabled.");
        if (token.use() != VerifiedToken.TokenUse.ACCESS) {
            return new AdminAccess.Denied("An access token is required, not an ID token.");
        }
        if (!adminPolicy.isAdmin(user, inAdminGroup(user))) return new AdminAccess.Denied("This account is not an administrator.");
        return new AdminAccess.Granted(new Administrator(user.id(), user.email()));
    }

    /** Asked only of accounts the address list does not already make administrators. */
    private boolean inAdminGroup(User user) {
        if (adminPolicy.isConfiguredAdmin(user)) return false;
        return groups.map(g -> g.isMember(adminPolicy.adminGroup(), user.id())).orElse(false);
    }

    @Override
    public Page<User> listUsers(UserFilter filter, PageRequest page) {
        return directory.list(filter, page);
    }

    @Override
    public User findUser(String name) {
        return directory.find(names.addressOf(name)).orElseThrow(UserPoolException::userNotFound);
    }

    @Override
    public User findUserById(String userId) {
        if (userId == null || userId.isBlank()) throw UserPoolException.invalidParameter("userId", "is required");
        return directory.findById(new UserId(userId.strip())).orElseThrow(UserPoolException::userNotFound);
    }

    @Override
    public User verifyEmail(AdminCommand cmd) {
        return change(AuditEventType.EMAIL_VERIFIED, cmd, User::verifyEmail);
    }

    @Override
    public User confirm(AdminCommand cmd) {
        return change(AuditEventType.SIGN_UP_CONFIRMED, cmd, user -> user.confirm(ConfirmationMethod.ADMIN));
    }

    @Override
    public User disable(AdminCommand cmd) {
        return change(AuditEventType.USER_DISABLED, cmd, User::disable);
    }

    @Override
    public User enable(AdminCommand cmd) {
        return change(AuditEventType.USER_ENABLED, cmd, User::enable);
    }

    @Override
    public void delete(AdminCommand cmd) {
        User deleted = act(AuditEventType.USER_DELETED, cmd, user -> {
            directory.delete(user.email());
            return user;
        });
        try {
            mailer.deliver(notifications.accountDeleted(deleted.email()));
        } catch (UserPoolException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not deliver the deletion notice: {0}", e.code().code());
        }
    }

    @Override
    public void signOut(AdminCommand cmd) {
        act(AuditEventType.SIGN_OUT, cmd, user -> {
            authenticator.orElseThrow(() -> UserPoolException.notAuthorized("Signing a user out is not supported here."))
                    .adminGlobalSignOut(user.email());
            return user;
        });
    }

    /**
     * Finds the account, applies the domain's transition once, has the directory store the state it
     * leaves, and records the event the transition says happened, naming the administrator.
     */
    private User change(AuditEventType attempted, AdminCommand cmd, Function<User, User.Transition> transition) {
        var event = begin(attempted, cmd);
        return audit.change(event, () -> {
            User.Transition change = transition.apply(find(cmd, event));
            directory.save(change);
            return change;
        });
    }

    /** Finds the account, applies an action that is no change of its state, and records one event naming the administrator. */
    private User act(AuditEventType type, AdminCommand cmd, UnaryOperator<User> action) {
        var event = begin(type, cmd);
        return audit.run(event, () -> action.apply(find(cmd, event)));
    }

    private AuditTrail.Draft begin(AuditEventType type, AdminCommand cmd) {
        var event = audit.begin(type, AccountNames.asGiven(cmd.email()), cmd.context()).actor(cmd.actor());
        if (type == AuditEventType.SIGN_UP_CONFIRMED) event.method(ConfirmationMethod.ADMIN);
        return event;
    }

    private User find(AdminCommand cmd, AuditTrail.Draft event) {
        EmailAddress email = names.addressOf(cmd.email());
        event.email(email.value());
        User user = directory.find(email).orElseThrow(UserPoolException::userNotFound);
        event.user(user.id());
        return user;
    }
}
