package dev.userpool.app.http.oauth;

import dev.userpool.core.domain.OAuthError;
import dev.userpool.core.domain.OAuthException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 6749 §5.2's error answer: {@code {"error": …, "error_description": …}}, 400, or 401 with
 * {@code WWW-Authenticate} for a client that failed to authenticate; RFC 6750 §3's for a bearer token.
 */
final class OAuthErrors {
    private OAuthErrors() {}

    static void answer(Context ctx, OAuthException e) {
        int status = switch (e.error()) {
            case INVALID_CLIENT -> 401;
            case INVALID_TOKEN -> 401;
            case SERVER_ERROR -> 500;
            default -> 400;
        };
        if (e.error() == OAuthError.INVALID_CLIENT) ctx.header("WWW-Authenticate", "Basic realm=\"userpool\"");
        if (e.error() == OAuthError.INVALID_TOKEN) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + e.description().replace("\"", "'") + "\"");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error().wireName());
        body.put("error_description", e.description());
        noStore(ctx);
        ctx.status(status).json(body);
    }

    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }
}
