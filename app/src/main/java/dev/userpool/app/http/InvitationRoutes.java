package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Administration.Administrator;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.PasswordAdministration.InviteCommand;
import dev.userpool.core.port.in.PasswordAdministration.MessageAction;
import dev.userpool.core.port.in.PasswordAdministration.SetPasswordCommand;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin API's invitations and passwords, for a proven administrator (401 / 403 as every admin route):
 * <ul>
 *   <li>{@code POST /api/admin/users} {@code {"email", "temporaryPassword"?, "emailVerified"?, "suppress"?, "resend"?}}:
 *       invites (201, the account), or with {@code resend} sends a waiting account a new temporary password;</li>
 *   <li>{@code POST /api/admin/users/{email}/password} {@code {"password", "permanent"}}: sets the password;</li>
 *   <li>{@code POST /api/admin/users/{email}/reset-password}: RESET_REQUIRED, sessions end, a reset code is mailed.</li>
 * </ul>
 */
final class InvitationRoutes {
    private final Administration administration;
    private final PasswordAdministration passwords;
    private final ObjectMapper json;

    InvitationRoutes(Administration administration, PasswordAdministration passwords, ObjectMapper json) {
        this.administration = administration;
        this.passwords = passwords;
        this.json = json;
    }

    void install(Javalin app) {
        app.post("/api/admin/users", this::invite);
        app.post("/api/admin/users/{email}/password", this::setPassword);
        app.post("/api/admin/users/{email}/reset-password", ctx -> ctx.json(Json.user(admin(ctx,
                a -> passwords.resetPassword(new AdminCommand(a.actor(), ctx.pathParam("email"), RequestContexts.of(ctx)))))));
    }

    private void invite(Context ctx) {
        User user = admin(ctx, a -> {
            JsonBody body = JsonBody.of(ctx, json);
            MessageAction action = body.flag("resend", false) ? MessageAction.RESEND
                    : body.flag("suppress", false) ? MessageAction.SUPPRESS : MessageAction.SEND;
            return passwords.invite(new InviteCommand(a.actor(), body.required("email"), Optional.empty(),
                    body.flag("emailVerified", false), UserAttributes.none(), body.optional("temporaryPassword"), action,
                    RequestContexts.of(ctx)));
        });
        ctx.status(201).json(Json.user(user));
    }

    private void setPassword(Context ctx) {
        User user = admin(ctx, a -> {
            JsonBody body = JsonBody.of(ctx, json);
            return passwords.setPassword(new SetPasswordCommand(a.actor(), ctx.pathParam("email"), body.required("password"),
                    body.flag("permanent", false), RequestContexts.of(ctx)));
        });
        ctx.json(Json.user(user));
    }

    private <T> T admin(Context ctx, Function<Administrator, T> work) {
        return AdminRequests.asAdmin(administration, ctx, work);
    }
}
