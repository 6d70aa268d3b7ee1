package dev.userpool.app.http.oauth;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.port.in.AuthorizationServer.AuthorizeCommand;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parameters of an authorization request, read from a query string, and written back as one: the
 * managed login pages carry the request they serve from form to form in their URLs, as Cognito's do.
 */
final class AuthorizeParameters {
    static final String[] NAMES = {"response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
            "code_challenge", "code_challenge_method"};
    /** Longer values are refused as they are: nothing legitimate needs more. */
    private static final int MAX_CHARS = 2048;

    private AuthorizeParameters() {}

    static AuthorizeCommand of(Context ctx) {
        return new AuthorizeCommand(param(ctx, "response_type"), param(ctx, "client_id"), param(ctx, "redirect_uri"),
                param(ctx, "scope"), param(ctx, "state"), param(ctx, "nonce"), param(ctx, "code_challenge"),
                param(ctx, "code_challenge_method"), RequestContexts.of(ctx));
    }

    /** A query parameter; a blank one is absent, an over-long one is refused as unusable. */
    static Optional<String> param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return Optional.empty();
        if (value.length() > MAX_CHARS) throw new IllegalArgumentException(name + " is too long.");
        return Optional.of(value);
    }

    /** The request as a query string ({@code a=b&c=d}), the parameters given only. */
    static String query(AuthorizeCommand command) {
        Map<String, Optional<String>> values = new LinkedHashMap<>();
        values.put("response_type", command.responseType());
        values.put("client_id", command.clientId());
        values.put("redirect_uri", command.redirectUri());
        values.put("scope", command.scope());
        values.put("state", command.state());
        values.put("nonce", command.nonce());
        values.put("code_challenge", command.codeChallenge());
        values.put("code_challenge_method", command.codeChallengeMethod());
        return values.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> e.getKey() + "=" + encode(e.getValue().get())).collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
