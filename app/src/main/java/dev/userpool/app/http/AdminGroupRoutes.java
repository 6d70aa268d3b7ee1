package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Administration.Administrator;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.GroupAdministration.GroupChange;
import dev.userpool.core.port.in.GroupAdministration.GroupCommand;
import dev.userpool.core.port.in.GroupAdministration.MembershipCommand;
import dev.userpool.core.port.in.GroupAdministration.NewGroup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin API's groups: list, create, read, change and delete groups, list and change their
 * members, and a user's groups. Every route first proves the caller as {@link AdminRoutes} does
 * (401 for a token that proves nobody, 403 for one who is not an administrator); refusals are
 * {@code application/problem+json} (unknown group 404 {@code ResourceNotFound}, taken name 409
 * {@code GroupExists}, over a quota 429 {@code LimitExceeded}).
 */
final class AdminGroupRoutes {

    private final Administration administration;
    private final GroupAdministration groups;
    private final ObjectMapper json;

    AdminGroupRoutes(Administration administration, GroupAdministration groups, ObjectMapper json) {
        this.administration = administration;
        this.groups = groups;
        this.json = json;
    }

    void install(Javalin app) {
        app.get("/api/admin/groups", ctx -> {
            PageRequest page = page(ctx);
            ctx.json(listed("groups", admin(ctx, a -> groups.list(page)), AdminGroupRoutes::group));
        });
        app.post("/api/admin/groups", ctx -> {
            Administrator admin = admin(ctx, a -> a);
            JsonBody body = JsonBody.of(ctx, json);
            Group created = groups.create(new NewGroup(admin.actor(), body.required("name"), body.optional("description"),
                    integer(body, "precedence"), body.optional("roleArn"), RequestContexts.of(ctx)));
            ctx.status(201).json(group(created));
        });
        app.get("/api/admin/groups/{group}", ctx -> ctx.json(group(admin(ctx, a -> groups.find(ctx.pathParam("group"))))));
        app.patch("/api/admin/groups/{group}", ctx -> {
            Administrator admin = admin(ctx, a -> a);
            JsonBody body = JsonBody.of(ctx, json);
            ctx.json(group(groups.update(new GroupChange(admin.actor(), ctx.pathParam("group"), body.optional("description"),
                    integer(body, "precedence"), body.optional("roleArn"), RequestContexts.of(ctx)))));
        });
        app.delete("/api/admin/groups/{group}", ctx -> {
            Administrator admin = admin(ctx, a -> a);
            groups.delete(new GroupCommand(admin.actor(), ctx.pathParam("group"), RequestContexts.of(ctx)));
            ctx.status(204);
        });
        app.get("/api/admin/groups/{group}/members", ctx -> {
            PageRequest page = page(ctx);
            ctx.json(listed("users", admin(ctx, a -> groups.members(ctx.pathParam("group"), page)), Json::user));
        });
        app.put("/api/admin/groups/{group}/members/{user}", ctx -> {
            Administrator admin = admin(ctx, a -> a);
            groups.addUser(membership(ctx, admin));
            ctx.status(204);
        });
        app.delete("/api/admin/groups/{group}/members/{user}", ctx -> {
            Administrator admin = admin(ctx, a -> a);
            groups.removeUser(membership(ctx, admin));
            ctx.status(204);
        });
        app.get("/api/admin/users/{email}/groups", ctx -> {
            PageRequest page = page(ctx);
            ctx.json(listed("groups", admin(ctx, a -> groups.groupsOf(ctx.pathParam("email"), page)), AdminGroupRoutes::group));
        });
    }

    static Map<String, Object> group(Group g) {
        return Json.ordered("name", g.name().value(), "description", g.description(), "precedence", g.precedence().orElse(null),
                "roleArn", g.roleArn().orElse(null), "createdAt", g.createdAt().toString(), "lastModifiedAt", g.lastModifiedAt().toString());
    }

    private static <T> Map<String, Object> listed(String member, Page<T> page, Function<T, Map<String, Object>> shape) {
        return Json.ordered(member, page.items().stream().map(shape).toList(), "nextCursor", page.nextCursor().orElse(null));
    }

    private static MembershipCommand membership(Context ctx, Administrator admin) {
        return new MembershipCommand(admin.actor(), ctx.pathParam("group"), ctx.pathParam("user"), RequestContexts.of(ctx));
    }

    /** An optional whole number; anything else is refused rather than guessed at. */
    private static Optional<Integer> integer(JsonBody body, String field) {
        return body.optionalInteger(field);
    }

    private <T> T admin(Context ctx, Function<Administrator, T> work) {
        return AdminRequests.asAdmin(administration, ctx, work);
    }

    private static PageRequest page(Context ctx) {
        return AdminRequests.page(ctx);
    }
}
