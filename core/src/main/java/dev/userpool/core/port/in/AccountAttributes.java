package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import java.util.List;
import java.util.Map;

/**
 * An account's attributes and the pool's schema: a user edits their own attributes with an access
 * token (Cognito's UpdateUserAttributes, DeleteUserAttributes), an operator edits anybody's
 * (AdminUpdateUserAttributes, AdminDeleteUserAttributes) and declares custom attributes
 * (AddCustomAttributes). Each change is one audit event.
 */
public interface AccountAttributes {

    /** The pool's schema as it is now: standard attributes and the custom ones. Not audited. */
    AttributeSchema schema();

    /** What sign-up requires and what the app client may read and write. */
    AttributePolicy policy();

    /** Adds custom attributes to the schema: {@code CUSTOM_ATTRIBUTES_ADDED}; the schema after. */
    AttributeSchema addCustomAttributes(CustomAttributesCommand command);

    /** The access token's account with {@code changes} applied: only what the client may write, and no immutable attribute. */
    User updateOwn(OwnChangeCommand command);

    /** The access token's account without {@code names}: only what the client may write, and no required attribute. */
    User deleteOwn(OwnDeletionCommand command);

    /** An operator's change: any attribute of the schema, but no immutable one; {@code email_verified = true} verifies the address. */
    User updateAsAdmin(AdminChangeCommand command);

    /** An operator's deletion: no required or immutable attribute. */
    User deleteAsAdmin(AdminDeletionCommand command);

    /** The token never prints. */
    record OwnChangeCommand(String accessToken, Map<String, String> changes, RequestContext context) {
        public OwnChangeCommand {
            changes = Map.copyOf(changes);
        }

        @Override
        public String toString() {
            return "OwnChangeCommand[accessToken=***, names=" + changes.keySet() + "]";
        }
    }

    /** The token never prints. */
    record OwnDeletionCommand(String accessToken, List<String> names, RequestContext context) {
        public OwnDeletionCommand {
            names = List.copyOf(names);
        }

        @Override
        public String toString() {
            return "OwnDeletionCommand[accessToken=***, names=" + names + "]";
        }
    }

    /** {@code username}: the account's address or its {@code sub}, resolved by the core. */
    record AdminChangeCommand(Actor actor, String username, Map<String, String> changes, RequestContext context) {
        public AdminChangeCommand {
            changes = Map.copyOf(changes);
        }
    }

    record AdminDeletionCommand(Actor actor, String username, List<String> names, RequestContext context) {
        public AdminDeletionCommand {
            names = List.copyOf(names);
        }
    }

    record CustomAttributesCommand(Actor actor, List<AttributeDefinition> attributes, RequestContext context) {
        public CustomAttributesCommand {
            attributes = List.copyOf(attributes);
        }
    }
}
