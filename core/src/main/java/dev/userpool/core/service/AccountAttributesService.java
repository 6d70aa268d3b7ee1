package dev.userpool.core.service;

import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Attribute changes by the account holder and by operators, and the pool's custom attributes. The
 * schema ({@link AttributeSchema}) decides which values are allowed and what may change; the pool's
 * {@link AttributePolicy} what the app client may write and what sign-up requires (so may not be
 * deleted); the domain's transition ({@link User#updateAttributes}, {@link User#deleteAttributes})
 * is applied once and handed to the directory.
 */
public final class AccountAttributesService implements AccountAttributes {
    private final UserDirectory directory;
    private final AccountNames names;
    private final TokenVerifier tokenVerifier;
    private final AttributePolicy policy;
    private final AuditTrail audit;

    public AccountAttributesService(UserDirectory directory, TokenVerifier tokenVerifier, AuditLog auditLog,
                                    AttributePolicy policy, Clock clock) {
        this.directory = directory;
        this.names = new AccountNames(directory);
        this.tokenVerifier = tokenVerifier;
        this.policy = policy;
        this.audit = new AuditTrail(auditLog, clock);
    }

    @Override
    public AttributeSchema schema() {
        return new AttributeSchema(directory.customAttributes());
    }

    @Override
    public AttributePolicy policy() {
        return policy;
    }

    @Override
    public AttributeSchema addCustomAttributes(CustomAttributesCommand cmd) {
        var event = audit.begin(AuditEventType.CUSTOM_ATTRIBUTES_ADDED, "", cmd.context()).actor(cmd.actor());
        return audit.run(event, () -> {
            AttributeSchema next = schema().withCustom(cmd.attributes());
            directory.addCustomAttributes(cmd.attributes());
            return next;
        });
    }

    @Override
    public User updateOwn(OwnChangeCommand cmd) {
        var event = audit.begin(AuditEventType.ATTRIBUTES_UPDATED, "", cmd.context());
        return audit.change(event, () -> {
            User user = holderOf(cmd.accessToken(), event);
            requireSome(cmd.changes().keySet(), "UserAttributes");
            policy.requireClientMayWrite(cmd.changes().keySet());
            Map<String, String> changes = withoutEmail(cmd.changes());
            return save(user.updateAttributes(schema().checkChanges(changes)));
        });
    }

    @Override
    public User deleteOwn(OwnDeletionCommand cmd) {
        var event = audit.begin(AuditEventType.ATTRIBUTES_DELETED, "", cmd.context());
        return audit.change(event, () -> {
            User user = holderOf(cmd.accessToken(), event);
            requireSome(cmd.names(), "UserAttributeNames");
            policy.requireClientMayWrite(cmd.names());
            return save(user.deleteAttributes(checkDeletions(cmd.names())));
        });
    }

    @Override
    public User updateAsAdmin(AdminChangeCommand cmd) {
        Map<String, String> changes = new HashMap<>(cmd.changes());
        String verified = changes.remove(AttributeSchema.EMAIL_VERIFIED);
        if (verified != null && changes.isEmpty()) {
            // the address alone: the operator vouches for it, as AdministrationService.verifyEmail does
            return verifyEmail(cmd, verified);
        }
        var event = audit.begin(AuditEventType.ATTRIBUTES_UPDATED, AccountNames.asGiven(cmd.username()), cmd.context())
                .actor(cmd.actor());
        User updated = audit.change(event, () -> {
            User user = account(cmd.username(), event);
            requireSome(cmd.changes().keySet(), "UserAttributes");
            Map<String, String> checked = schema().checkChanges(withoutEmail(changes));
            requireVerifiable(verified);
            return save(user.updateAttributes(checked));
        });
        // both: the attributes first, then the address, each its own event
        if (verified == null) return updated;
        var second = audit.begin(AuditEventType.EMAIL_VERIFIED, updated.email().value(), cmd.context()).actor(cmd.actor());
        return audit.change(second, () -> save(account(updated.id().value(), second).verifyEmail()));
    }

    @Override
    public User deleteAsAdmin(AdminDeletionCommand cmd) {
        var event = audit.begin(AuditEventType.ATTRIBUTES_DELETED, AccountNames.asGiven(cmd.username()), cmd.context())
                .actor(cmd.actor());
        return audit.change(event, () -> {
            User user = account(cmd.username(), event);
            requireSome(cmd.names(), "UserAttributeNames");
            return save(user.deleteAttributes(checkDeletions(cmd.names())));
        });
    }

    private User verifyEmail(AdminChangeCommand cmd, String value) {
        var event = audit.begin(AuditEventType.EMAIL_VERIFIED, AccountNames.asGiven(cmd.username()), cmd.context())
                .actor(cmd.actor());
        return audit.change(event, () -> {
            User user = account(cmd.username(), event);
            requireVerifiable(value);
            return save(user.verifyEmail());
        });
    }

    /** An operator may vouch for an address, not take a verification back: a verified address stays verified. */
    private static void requireVerifiable(String value) {
        if (value != null && !value.strip().equalsIgnoreCase("true")) {
            throw UserPoolException.invalidParameter("email_verified",
                    "this pool can only set it to true: a verified address stays verified");
        }
    }

    /**
     * The attributes to delete, checked: in the schema, mutable, not required at sign-up. The address
     * is the username and always required; {@code email_verified} follows the address.
     */
    private Collection<String> checkDeletions(Collection<String> names) {
        for (String name : names) {
            if (name.equals(AttributeSchema.EMAIL) || name.equals(AttributeSchema.EMAIL_VERIFIED)) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                        "Attributes did not conform to the schema: " + name + ": The attribute is required\n");
            }
        }
        AttributeSchema schema = schema();
        schema.checkDeletions(names);
        policy.requireDeletable(names);
        return names;
    }

    /** The changes without the address, which only the email-change use case may take. */
    private Map<String, String> withoutEmail(Map<String, String> changes) {
        if (changes.containsKey(AttributeSchema.EMAIL)) {
            throw addressChangeElsewhere();
        }
        if (changes.containsKey(AttributeSchema.EMAIL_VERIFIED)) {
            throw UserPoolException.notAuthorized(AttributePolicy.UNAUTHORIZED_WRITE);
        }
        return changes;
    }

    /** A new address is proven by a code before it replaces the old one: that is AddressChange's use case, not this one's. */
    static UserPoolException addressChangeElsewhere() {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER,
                "Change the address with AddressChange: a new address is proven by a code before it replaces the old one.");
    }

    private static void requireSome(Collection<String> names, String member) {
        if (names.isEmpty()) throw UserPoolException.invalidParameter(member, "at least one attribute is required");
    }

    private User.Transition save(User.Transition change) {
        directory.save(change);
        return change;
    }

    private User holderOf(String accessToken, AuditTrail.Draft event) {
        if (accessToken == null || accessToken.isBlank()) throw UserPoolException.invalidParameter("accessToken", "is required");
        VerifiedToken token = tokenVerifier.verify(accessToken.strip());
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

    private User account(String username, AuditTrail.Draft event) {
        EmailAddress email = names.addressOf(username);
        event.email(email.value());
        User user = directory.find(email).orElseThrow(UserPoolException::userNotFound);
        event.user(user.id());
        return user;
    }
}
