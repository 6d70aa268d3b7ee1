package dev.userpool.core.port.out;

import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import java.util.Optional;

/**
 * Where the pool's groups and their members live. Every method fails with a
 * {@link dev.userpool.core.domain.UserPoolException}: a group nobody created is {@code ResourceNotFound},
 * an account that does not exist {@code UserNotFound}, and Cognito's quotas
 * ({@link dev.userpool.core.domain.GroupRules#GROUPS_PER_POOL}, {@link dev.userpool.core.domain.GroupRules#GROUPS_PER_USER})
 * are {@code LimitExceeded}, checked atomically with the write they limit. Deleting an account or a
 * group removes its memberships.
 */
public interface GroupDirectory {

    /** Stores a new group; {@code GroupExists} when the name is taken. Answers the group as stored. */
    Group create(Group group);

    Optional<Group> find(GroupName name);

    /**
     * Stores {@code changed} over the group of its name (the core applied the change,
     * {@link Group#apply}); {@code ResourceNotFound} when there is no such group (any more). Answers
     * the group as stored.
     */
    Group update(Group changed);

    /** Deletes the group and its memberships; {@code ResourceNotFound} when there is none. */
    void delete(GroupName name);

    /** The groups, by name, one page at a time. */
    Page<Group> list(PageRequest page);

    /** Puts the account in the group; already a member is no change and no error, as on Cognito. */
    void addMember(GroupName group, UserId user);

    /** Takes the account out of the group; not a member is no change and no error, as on Cognito. */
    void removeMember(GroupName group, UserId user);

    /** The groups the account is in, by name; {@code UserNotFound} when there is no such account. */
    Page<Group> groupsOf(UserId user, PageRequest page);

    /** The accounts in the group, in a stable order; {@code ResourceNotFound} when there is no such group. */
    Page<User> members(GroupName group, PageRequest page);

    /** Whether the account is in the group now (false when either does not exist). */
    boolean isMember(GroupName group, UserId user);
}
