package dev.userpool.app.http.oauth;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.ClientAccessToken;
import dev.userpool.core.domain.OAuthError;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.in.AuthorizationServer;
import dev.userpool.core.port.in.AuthorizationServer.UserInfo;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints a client calls directly: {@code POST /oauth2/token} (authorization_code, refresh_token,
 * client_credentials), {@code POST /oauth2/revoke} and {@code GET|POST /oauth2/userInfo}. Bodies are
 * form-encoded; answers JSON, never cached; refusals RFC 6749 §5.2's.
 */
final class TokenEndpoints {
    private final AuthorizationServer server;

    TokenEndpoints(AuthorizationServer server) {
        this.server = server;
    }

    void install(Javalin app) {
        app.post("/oauth2/token", refusing(this::token));
        app.post("/oauth2/revoke", refusing(this::revoke));
        app.get("/oauth2/userInfo", refusing(this::userInfo));
        app.post("/oauth2/userInfo", refusing(this::userInfo));
    }

    private static Handler refusing(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (OAuthException e) {
                OAuthErrors.answer(ctx, e);
            }
        };
    }

    private static void requireForm(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OAuthException.of(OAuthError.INVALID_REQUEST, "The body must be application/x-www-form-urlencoded.");
        }
    }

    private void token(Context ctx) {
        requireForm(ctx);
        String grantType = Optional.ofNullable(ctx.formParam("grant_type"))
                .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_REQUEST, "grant_type is required."));
        Map<String, Object> body = new LinkedHashMap<>();
        switch (grantType) {
            case "authorization_code" -> tokens(body, server.exchangeCode(new AuthorizationServer.CodeExchangeCommand(
                    ClientAuthentication.of(ctx), param(ctx, "code"), param(ctx, "redirect_uri"), param(ctx, "code_verifier"),
                    RequestContexts.of(ctx))));
            case "refresh_token" -> tokens(body, server.refresh(new AuthorizationServer.RefreshCommand(ClientAuthentication.of(ctx),
                    param(ctx, "refresh_token"), RequestContexts.of(ctx))));
            case "client_credentials" -> {
                ClientAccessToken token = server.clientCredentials(new AuthorizationServer.ClientCredentialsCommand(
                        ClientAuthentication.of(ctx), param(ctx, "scope"), RequestContexts.of(ctx)));
                body.put("access_token", token.accessToken());
                body.put("expires_in", token.expiresIn().toSeconds());
                body.put("token_type", Tokens.TOKEN_TYPE);
            }
            default -> throw OAuthException.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type must be authorization_code, refresh_token or client_credentials.");
        }
        OAuthErrors.noStore(ctx);
        ctx.json(body);
    }

    private static void tokens(Map<String, Object> body, Tokens tokens) {
        body.put("id_token", tokens.idToken());
        body.put("access_token", tokens.accessToken());
        tokens.refreshToken().ifPresent(r -> body.put("refresh_token", r));
        body.put("expires_in", tokens.expiresIn().toSeconds());
        body.put("token_type", Tokens.TOKEN_TYPE);
    }

    private void revoke(Context ctx) {
        requireForm(ctx);
        server.revoke(new AuthorizationServer.RevokeCommand(ClientAuthentication.of(ctx), param(ctx, "token"), RequestContexts.of(ctx)));
        OAuthErrors.noStore(ctx);
        ctx.status(200).result("");
    }

    /** Cognito's userInfo: {@code sub}, {@code username}, and the attributes the token's scopes allow, as strings. */
    private void userInfo(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (token.isEmpty()) throw OAuthException.of(OAuthError.INVALID_TOKEN, "Access token is missing.");
        UserInfo info = server.userInfo(token, RequestContexts.of(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", info.sub().value());
        info.attributes().values().forEach(body::put);
        info.emailVerified().ifPresent(v -> body.put("email_verified", Boolean.toString(v)));
        info.email().ifPresent(e -> body.put("email", e.value()));
        body.put("username", info.sub().value());
        OAuthErrors.noStore(ctx);
        ctx.json(body);
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).filter(v -> !v.isEmpty());
    }
}
