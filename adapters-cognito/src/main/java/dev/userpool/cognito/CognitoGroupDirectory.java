package dev.userpool.cognito;

import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.port.out.GroupDirectory;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersInGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * The groups of a Cognito user pool, through its admin API (CreateGroup, GetGroup, UpdateGroup,
 * DeleteGroup, ListGroups, AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser,
 * ListUsersInGroup), which needs IAM permissions. An account is named by its {@code sub}, which is
 * its Username in a pool whose users sign in with their email. Cognito keeps the quotas and removes
 * the memberships of a deleted user or group itself.
 */
public final class CognitoGroupDirectory implements GroupDirectory {
    private final CognitoIdentityProviderClient cognito;
    private final CognitoPool pool;

    public CognitoGroupDirectory(CognitoIdentityProviderClient cognito, CognitoPool pool) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public Group create(Group group) {
        return from(call("CreateGroup", () -> cognito.createGroup(b -> b.userPoolId(pool.userPoolId())
                .groupName(group.name().value()).description(group.description())
                .precedence(group.precedence().orElse(null)).roleArn(group.roleArn().orElse(null)))).group());
    }

    @Override
    public Optional<Group> find(GroupName name) {
        try {
            return Optional.of(from(call("GetGroup", () -> cognito.getGroup(b -> b.userPoolId(pool.userPoolId())
                    .groupName(name.value()))).group()));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    /** Cognito changes what UpdateGroup names and keeps the rest; the core's group names all of it. */
    @Override
    public Group update(Group changed) {
        return from(call("UpdateGroup", () -> cognito.updateGroup(b -> b.userPoolId(pool.userPoolId())
                .groupName(changed.name().value()).description(changed.description())
                .precedence(changed.precedence().orElse(null)).roleArn(changed.roleArn().orElse(null)))).group());
    }

    @Override
    public void delete(GroupName name) {
        call("DeleteGroup", () -> cognito.deleteGroup(b -> b.userPoolId(pool.userPoolId()).groupName(name.value())));
    }

    @Override
    public Page<Group> list(PageRequest page) {
        ListGroupsResponse r = call("ListGroups", () -> cognito.listGroups(b -> b.userPoolId(pool.userPoolId())
                .limit(page.limit()).nextToken(page.cursor().orElse(null))));
        return new Page<>(r.groups().stream().map(CognitoGroupDirectory::from).toList(), next(r.nextToken()));
    }

    @Override
    public void addMember(GroupName group, UserId user) {
        call("AdminAddUserToGroup", () -> cognito.adminAddUserToGroup(b -> b.userPoolId(pool.userPoolId())
                .groupName(group.value()).username(user.value())));
    }

    @Override
    public void removeMember(GroupName group, UserId user) {
        call("AdminRemoveUserFromGroup", () -> cognito.adminRemoveUserFromGroup(b -> b.userPoolId(pool.userPoolId())
                .groupName(group.value()).username(user.value())));
    }

    @Override
    public Page<Group> groupsOf(UserId user, PageRequest page) {
        AdminListGroupsForUserResponse r = call("AdminListGroupsForUser", () -> cognito.adminListGroupsForUser(b -> b
                .userPoolId(pool.userPoolId()).username(user.value()).limit(page.limit()).nextToken(page.cursor().orElse(null))));
        return new Page<>(r.groups().stream().map(CognitoGroupDirectory::from).toList(), next(r.nextToken()));
    }

    @Override
    public Page<User> members(GroupName group, PageRequest page) {
        ListUsersInGroupResponse r = call("ListUsersInGroup", () -> cognito.listUsersInGroup(b -> b
                .userPoolId(pool.userPoolId()).groupName(group.value()).limit(page.limit()).nextToken(page.cursor().orElse(null))));
        return new Page<>(r.users().stream().map(CognitoUsers::listed).flatMap(Optional::stream).toList(), next(r.nextToken()));
    }

    /** Pages through the account's groups (at most {@link GroupRules#GROUPS_PER_USER}, so two pages). */
    @Override
    public boolean isMember(GroupName group, UserId user) {
        Optional<String> cursor = Optional.empty();
        try {
            do {
                Page<Group> page = groupsOf(user, new PageRequest(PageRequest.MAX_LIMIT, cursor));
                if (page.items().stream().anyMatch(g -> g.name().equals(group))) return true;
                cursor = page.nextCursor();
            } while (cursor.isPresent());
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_FOUND) return false;
            throw e;
        }
        return false;
    }

    static Group from(GroupType g) {
        Instant created = g.creationDate() == null ? Instant.EPOCH : g.creationDate();
        Instant modified = g.lastModifiedDate() == null ? created : g.lastModifiedDate();
        return new Group(new GroupName(g.groupName()), g.description() == null ? "" : g.description(),
                Optional.ofNullable(g.precedence()), Optional.ofNullable(g.roleArn()), created, modified);
    }

    private static Optional<String> next(String token) {
        return Optional.ofNullable(token).filter(t -> !t.isEmpty());
    }

    /**
     * A missing group is {@code ResourceNotFoundException} on Cognito, as a missing pool is; only the
     * first is the caller's doing. A taken name is {@code GroupExistsException}.
     */
    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceNotFoundException e) {
            String said = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
            if (said.toLowerCase(Locale.ROOT).contains("group")) throw GroupRules.groupNotFound();
            throw CognitoSdkFailures.translate(operation, e);
        } catch (GroupExistsException e) {
            throw GroupRules.groupExists();
        } catch (SdkException e) {
            throw CognitoSdkFailures.translate(operation, e);
        }
    }
}
