package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.in.AddressChange;
import dev.userpool.core.port.in.AddressChange.RequestCommand;
import dev.userpool.core.port.in.AddressChange.VerifyCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Changing the signed-in account's address: ask for a new one (a code goes there; the old address stays
 * the account's until the code is proven), prove the code, or have it sent again. Bearer access token,
 * as the other {@code /api/me} routes.
 */
final class EmailRoutes {
    private final AddressChange addressChange;
    private final ObjectMapper json;

    EmailRoutes(AddressChange addressChange, ObjectMapper json) {
        this.addressChange = addressChange;
        this.json = json;
    }

    void install(Javalin app) {
        app.post("/api/me/email", this::request);
        app.post("/api/me/email/verify", this::verify);
        app.post("/api/me/email/resend", this::resend);
    }

    /** 202 with where the code went; 200 with no delivery when the address already is the account's. */
    private void request(Context ctx) {
        String token = Bearer.token(ctx);
        JsonBody body = JsonBody.of(ctx, json);
        Optional<CodeDelivery> sent = addressChange.request(new RequestCommand(token, body.required("email"),
                RequestContexts.of(ctx)));
        ctx.status(sent.isPresent() ? 202 : 200).json(Json.ordered("codeDelivery", sent.map(Json::delivery).orElse(null)));
    }

    private void verify(Context ctx) {
        String token = Bearer.token(ctx);
        JsonBody body = JsonBody.of(ctx, json);
        User after = addressChange.verify(new VerifyCommand(token, body.required("code"), RequestContexts.of(ctx)));
        ctx.json(Json.ordered("email", after.email().value(), "emailVerified", after.emailVerified()));
    }

    private void resend(Context ctx) {
        CodeDelivery sent = addressChange.resendCode(new TokenCommand(Bearer.token(ctx), RequestContexts.of(ctx)));
        ctx.json(Json.ordered("codeDelivery", Json.delivery(sent)));
    }
}
