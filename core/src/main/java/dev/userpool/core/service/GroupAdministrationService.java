package dev.userpool.core.service;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.GroupUpdate;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;

/**
 * The pool's groups: each change checks its input first (nothing is written on a refusal), acts
 * through the {@link GroupDirectory}, and records one event naming the operator; a membership event
 * also names the account. The group's name is not part of the event: the audit record has no place
 * for it yet (the time and operator tell which change it was, with the operator's own log).
 */
public final class GroupAdministrationService implements GroupAdministration {
    private final GroupDirectory groups;
    private final UserDirectory users;
    private final AccountNames names;
    private final AuditTrail audit;
    private final Clock clock;

    public GroupAdministrationService(GroupDirectory groups, UserDirectory users, AuditLog auditLog, Clock clock) {
        this.groups = groups;
        this.users = users;
        this.names = new AccountNames(users);
        this.audit = new AuditTrail(auditLog, clock);
        this.clock = clock;
    }

    @Override
    public Group create(NewGroup cmd) {
        var event = audit.begin(AuditEventType.GROUP_CREATED, "", cmd.context()).actor(cmd.actor());
        Group group = audit.validate(event, () -> Group.create(name(cmd.groupName()), cmd.description(), cmd.precedence(),
                cmd.roleArn(), clock.instant()));
        return audit.run(event, () -> groups.create(group));
    }

    @Override
    public Group find(String groupName) {
        return groups.find(name(groupName)).orElseThrow(GroupRules::groupNotFound);
    }

    @Override
    public Group update(GroupChange cmd) {
        var event = audit.begin(AuditEventType.GROUP_UPDATED, "", cmd.context()).actor(cmd.actor());
        GroupName name = audit.validate(event, () -> name(cmd.groupName()));
        GroupUpdate update = audit.validate(event, () -> new GroupUpdate(cmd.description(), cmd.precedence(), cmd.roleArn()));
        return audit.run(event, () -> {
            Group stored = groups.find(name).orElseThrow(GroupRules::groupNotFound);
            return groups.update(stored.apply(update, clock.instant()));
        });
    }

    @Override
    public void delete(GroupCommand cmd) {
        var event = audit.begin(AuditEventType.GROUP_DELETED, "", cmd.context()).actor(cmd.actor());
        GroupName name = audit.validate(event, () -> name(cmd.groupName()));
        audit.run(event, () -> {
            groups.delete(name);
            return null;
        });
    }

    @Override
    public Page<Group> list(PageRequest page) {
        return groups.list(page);
    }

    @Override
    public void addUser(MembershipCommand cmd) {
        changeMembership(AuditEventType.USER_ADDED_TO_GROUP, cmd, true);
    }

    @Override
    public void removeUser(MembershipCommand cmd) {
        changeMembership(AuditEventType.USER_REMOVED_FROM_GROUP, cmd, false);
    }

    /** The group is looked for before the account, as Cognito answers an unknown group first. */
    private void changeMembership(AuditEventType type, MembershipCommand cmd, boolean add) {
        var event = audit.begin(type, AccountNames.asGiven(cmd.user()), cmd.context()).actor(cmd.actor());
        GroupName name = audit.validate(event, () -> name(cmd.groupName()));
        audit.run(event, () -> {
            if (groups.find(name).isEmpty()) throw GroupRules.groupNotFound();
            EmailAddress email = names.addressOf(cmd.user());
            event.email(email.value());
            User user = users.find(email).orElseThrow(UserPoolException::userNotFound);
            event.user(user.id());
            if (add) {
                groups.addMember(name, user.id());
            } else {
                groups.removeMember(name, user.id());
            }
            return null;
        });
    }

    @Override
    public Page<Group> groupsOf(String user, PageRequest page) {
        User account = users.find(names.addressOf(user)).orElseThrow(UserPoolException::userNotFound);
        return groups.groupsOf(account.id(), page);
    }

    @Override
    public Page<User> members(String groupName, PageRequest page) {
        return groups.members(name(groupName), page);
    }

    private static GroupName name(String raw) {
        return new GroupName(raw == null ? "" : raw);
    }
}
