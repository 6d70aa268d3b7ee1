package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.epochSeconds;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;
import static dev.userpool.app.http.cognito.CognitoShapes.user;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.GroupAdministration.GroupChange;
import dev.userpool.core.port.in.GroupAdministration.GroupCommand;
import dev.userpool.core.port.in.GroupAdministration.MembershipCommand;
import dev.userpool.core.port.in.GroupAdministration.NewGroup;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The group operations: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups,
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser and ListUsersInGroup, through
 * the GroupAdministration use cases. Like the other admin operations they are IAM-signed on AWS and
 * taken here only from the callers {@link LocalPool#requireAdminCaller} accepts (each is wrapped in
 * {@link AdminOperations#guarded}), and every change is recorded with the actor {@code SYSTEM}.
 */
final class GroupOperations {
    private final GroupAdministration groups;
    private final LocalPool pool;

    GroupOperations(GroupAdministration groups, LocalPool pool) {
        this.groups = groups;
        this.pool = pool;
    }

    Map<String, Object> createGroup(CognitoRequest request, Context ctx) {
        Group created = groups.create(new NewGroup(Actor.system(), request.required("GroupName"), request.optional("Description"),
                boxed(request.integer("Precedence")), request.optional("RoleArn"), RequestContexts.of(ctx)));
        return ordered("Group", group(created));
    }

    Map<String, Object> getGroup(CognitoRequest request, Context ctx) {
        return ordered("Group", group(groups.find(request.required("GroupName"))));
    }

    Map<String, Object> updateGroup(CognitoRequest request, Context ctx) {
        Group updated = groups.update(new GroupChange(Actor.system(), request.required("GroupName"), request.optional("Description"),
                boxed(request.integer("Precedence")), request.optional("RoleArn"), RequestContexts.of(ctx)));
        return ordered("Group", group(updated));
    }

    Map<String, Object> deleteGroup(CognitoRequest request, Context ctx) {
        groups.delete(new GroupCommand(Actor.system(), request.required("GroupName"), RequestContexts.of(ctx)));
        return Map.of();
    }

    /** ListGroups with Limit (0–60; 0 or absent: 60) and NextToken. */
    Map<String, Object> listGroups(CognitoRequest request, Context ctx) {
        return listed("Groups", groups.list(page(request)), this::group);
    }

    Map<String, Object> addUserToGroup(CognitoRequest request, Context ctx) {
        groups.addUser(membership(request, ctx));
        return Map.of();
    }

    Map<String, Object> removeUserFromGroup(CognitoRequest request, Context ctx) {
        groups.removeUser(membership(request, ctx));
        return Map.of();
    }

    Map<String, Object> listGroupsForUser(CognitoRequest request, Context ctx) {
        String user = request.required("Username");
        return listed("Groups", groups.groupsOf(user, page(request)), this::group);
    }

    Map<String, Object> listUsersInGroup(CognitoRequest request, Context ctx) {
        String group = request.required("GroupName");
        return listed("Users", groups.members(group, page(request)), u -> user(u, "Attributes"));
    }

    /** GroupType; Description, RoleArn and Precedence only when the group has them, as Cognito answers. */
    private Map<String, Object> group(Group g) {
        Map<String, Object> shape = ordered("GroupName", g.name().value(), "UserPoolId", pool.userPoolId());
        if (!g.description().isEmpty()) shape.put("Description", g.description());
        g.roleArn().ifPresent(arn -> shape.put("RoleArn", arn));
        g.precedence().ifPresent(p -> shape.put("Precedence", p));
        shape.put("LastModifiedDate", epochSeconds(g.lastModifiedAt()));
        shape.put("CreationDate", epochSeconds(g.createdAt()));
        return shape;
    }

    private static <T> Map<String, Object> listed(String member, Page<T> page, Function<T, Map<String, Object>> shape) {
        List<Map<String, Object>> items = page.items().stream().map(shape).toList();
        Map<String, Object> answer = ordered(member, items);
        page.nextCursor().ifPresent(next -> answer.put("NextToken", next));
        return answer;
    }

    private static PageRequest page(CognitoRequest request) {
        int limit = request.integer("Limit").orElse(0);
        if (limit < 0 || limit > PageRequest.MAX_LIMIT) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                    + (limit < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 60"));
        }
        return new PageRequest(limit == 0 ? PageRequest.MAX_LIMIT : limit, request.optional("NextToken"));
    }

    private static MembershipCommand membership(CognitoRequest request, Context ctx) {
        return new MembershipCommand(Actor.system(), request.required("GroupName"), request.required("Username"), RequestContexts.of(ctx));
    }

    private static Optional<Integer> boxed(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }
}
