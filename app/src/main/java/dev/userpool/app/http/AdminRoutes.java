package dev.userpool.app.http;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Administration.Administrator;
import dev.userpool.core.port.in.AuditQueries;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin API. Every route first proves the caller: an invalid token is 401, a valid token of
 * somebody who is not an administrator is 403.
 */
final class AdminRoutes {

    private final Administration administration;
    private final AuditQueries auditQueries;
    private final Clock clock;

    AdminRoutes(Administration administration, AuditQueries auditQueries, Clock clock) {
        this.administration = administration;
        this.auditQueries = auditQueries;
        this.clock = clock;
    }

    void install(Javalin app) {
        app.get("/api/admin/users", this::listUsers);
        app.get("/api/admin/users/{email}", ctx -> ctx.json(Json.user(admin(ctx, a -> administration.findUser(ctx.pathParam("email"))))));
        app.post("/api/admin/users/{email}/confirm", ctx -> act(ctx, administration::confirm));
        app.post("/api/admin/users/{email}/disable", ctx -> act(ctx, administration::disable));
        app.post("/api/admin/users/{email}/enable", ctx -> act(ctx, administration::enable));
        app.delete("/api/admin/users/{email}", ctx -> {
            admin(ctx, a -> {
                administration.delete(command(ctx, a));
                return a;
            });
            ctx.status(204);
        });
        app.get("/api/admin/audit", this::audit);
    }

    private void listUsers(Context ctx) {
        UserFilter filter = new UserFilter(
                Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank()).map(AdminRoutes::status),
                Optional.ofNullable(ctx.queryParam("emailVerified")).filter(s -> !s.isBlank()).map(AdminRoutes::bool),
                Optional.ofNullable(ctx.queryParam("emailPrefix")).filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT)));
        PageRequest page = page(ctx);
        Page<User> users = admin(ctx, a -> administration.listUsers(filter, page));
        ctx.json(Json.ordered("users", users.items().stream().map(Json::user).toList(),
                "nextCursor", users.nextCursor().orElse(null)));
    }

    private void audit(Context ctx) {
        PageRequest page = page(ctx);
        Optional<String> email = Optional.ofNullable(ctx.queryParam("email")).filter(s -> !s.isBlank());
        Instant to = instant(ctx, "to").orElseGet(() -> clock.instant().plusSeconds(1));
        Instant from = instant(ctx, "from").orElse(Instant.EPOCH);
        Page<AuditEvent> events = admin(ctx, a -> email.isPresent()
                ? auditQueries.forEmail(email.get(), page)
                : auditQueries.between(from, to, page));
        ctx.json(Json.ordered("events", events.items().stream().map(Json::event).toList(),
                "nextCursor", events.nextCursor().orElse(null)));
    }

    private void act(Context ctx, Function<AdminCommand, User> action) {
        ctx.json(Json.user(admin(ctx, a -> action.apply(command(ctx, a)))));
    }

    private static AdminCommand command(Context ctx, Administrator admin) {
        return new AdminCommand(admin.actor(), ctx.pathParam("email"), RequestContexts.of(ctx));
    }

    private <T> T admin(Context ctx, Function<Administrator, T> work) {
        return AdminRequests.asAdmin(administration, ctx, work);
    }

    private static PageRequest page(Context ctx) {
        return AdminRequests.page(ctx);
    }

    private static UserStatus status(String raw) {
        try {
            return UserStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserPoolException.invalidParameter("status", "must be UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD or RESET_REQUIRED");
        }
    }

    private static boolean bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw UserPoolException.invalidParameter("emailVerified", "must be true or false");
        };
    }

    private static Optional<Instant> instant(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw UserPoolException.invalidParameter(name, "must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
        }
    }
}
