package dev.userpool.app.http.oauth;

import dev.userpool.core.domain.OAuthError;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.port.in.AuthorizationServer.ClientCredentials;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The client's credentials at the token and revocation endpoints, as Cognito accepts them: HTTP Basic
 * ({@code client_secret_basic}, RFC 6749 §2.3.1, its parts form-encoded or not) or {@code client_id} and
 * {@code client_secret} in the body ({@code client_secret_post}); a public client sends its id alone.
 * Two methods at once are refused (§2.3).
 */
final class ClientAuthentication {
    private ClientAuthentication() {}

    /** Whether the request tried HTTP Basic: a refused client is then told how to authenticate (401, WWW-Authenticate). */
    static boolean usesBasic(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    static ClientCredentials of(Context ctx) {
        String bodyId = ctx.formParam("client_id");
        String bodySecret = ctx.formParam("client_secret");
        if (usesBasic(ctx)) {
            if (bodySecret != null) throw OAuthException.of(OAuthError.INVALID_REQUEST, "Use one client authentication method.");
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(ctx.header("Authorization").substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.of(OAuthError.INVALID_CLIENT, "Client authentication failed.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) throw OAuthException.of(OAuthError.INVALID_CLIENT, "Client authentication failed.");
            String id = formDecoded(decoded.substring(0, colon));
            if (bodyId != null && !bodyId.equals(id)) throw OAuthException.of(OAuthError.INVALID_REQUEST, "client_id does not match the Authorization header.");
            return new ClientCredentials(id, Optional.of(formDecoded(decoded.substring(colon + 1))));
        }
        return new ClientCredentials(bodyId == null ? "" : bodyId, Optional.ofNullable(bodySecret).filter(s -> !s.isEmpty()));
    }

    /** RFC 6749 has clients form-encode id and secret; Cognito takes them as they are. Both work: a '+' stays a '+'. */
    private static String formDecoded(String part) {
        if (part.indexOf('%') < 0) return part;
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
