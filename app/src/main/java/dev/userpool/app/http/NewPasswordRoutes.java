package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.NewPasswordCommand;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The first sign-in of an account an administrator created: {@code POST /api/signin} with the temporary
 * password answers {@code {"challenge": "NEW_PASSWORD_REQUIRED", "session", "email"}} (200, no tokens),
 * and {@code POST /api/signin/new-password} with {@code {"email", "session", "newPassword"}} sets the
 * password and answers the tokens. A wrong, used, expired or foreign session is 401.
 */
final class NewPasswordRoutes {
    private final Authentication authentication;
    private final ObjectMapper json;

    NewPasswordRoutes(Authentication authentication, ObjectMapper json) {
        this.authentication = authentication;
        this.json = json;
    }

    void install(Javalin app) {
        app.post("/api/signin/new-password", this::newPassword);
    }

    static Map<String, Object> challenge(NewPasswordRequired c) {
        return Json.ordered("challenge", NewPasswordRequired.NAME, "session", c.session(), "email", c.user().email().value());
    }

    private void newPassword(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        Tokens tokens = authentication.completeNewPassword(new NewPasswordCommand(body.required("email"),
                body.required("session"), body.required("newPassword"), RequestContexts.of(ctx)));
        ctx.json(Json.tokens(tokens));
    }
}
