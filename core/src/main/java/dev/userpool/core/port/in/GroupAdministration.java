package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator does with the pool's groups. Every change names who made it and is recorded as
 * one audit event (GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED, USER_ADDED_TO_GROUP,
 * USER_REMOVED_FROM_GROUP); reads are not audited, and callers check who may read. Group names are
 * taken as given and checked by {@link dev.userpool.core.domain.GroupName}; a user is named by
 * address or id (the {@code sub}), as in {@link Administration}.
 */
public interface GroupAdministration {

    Group create(NewGroup command);

    /** The group of this name; {@code ResourceNotFound} when there is none. */
    Group find(String groupName);

    Group update(GroupChange command);

    void delete(GroupCommand command);

    Page<Group> list(PageRequest page);

    void addUser(MembershipCommand command);

    void removeUser(MembershipCommand command);

    /** The groups the user is in, by name; {@code UserNotFound} when there is no such user. */
    Page<Group> groupsOf(String user, PageRequest page);

    /** The members of the group; {@code ResourceNotFound} when there is no such group. */
    Page<User> members(String groupName, PageRequest page);

    record NewGroup(Actor actor, String groupName, Optional<String> description, Optional<Integer> precedence,
                    Optional<String> roleArn, RequestContext context) {
        public NewGroup {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(precedence, "precedence");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(context, "context");
        }
    }

    /** Each member given replaces the group's; those left out stay. */
    record GroupChange(Actor actor, String groupName, Optional<String> description, Optional<Integer> precedence,
                       Optional<String> roleArn, RequestContext context) {
        public GroupChange {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(precedence, "precedence");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(context, "context");
        }
    }

    record GroupCommand(Actor actor, String groupName, RequestContext context) {
        public GroupCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(context, "context");
        }
    }

    record MembershipCommand(Actor actor, String groupName, String user, RequestContext context) {
        public MembershipCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(context, "context");
        }
    }
}
