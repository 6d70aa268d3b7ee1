package dev.userpool.core.service;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.OAuthError;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.domain.OAuthScopes;
import dev.userpool.core.port.in.AuthorizationServer.ClientCredentials;
import dev.userpool.core.port.out.AppClientDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checks of the authorization server that need no port but the app clients: which client is
 * asking (and whether it proved its secret), whether it may use a flow, which scopes it may get, and
 * PKCE's S256 (RFC 7636). Every refusal is an {@link OAuthException} with the exact error.
 */
final class AuthorizationRules {
    /** Cognito's names of the flows an app client may be allowed. */
    static final String CODE_FLOW = "code";
    static final String IMPLICIT_FLOW = "implicit";
    static final String CLIENT_CREDENTIALS_FLOW = "client_credentials";
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final AppClientDirectory clients;

    AuthorizationRules(AppClientDirectory clients) {
        this.clients = clients;
    }

    /** The client of an authorization or sign-out request, which proves nothing: unknown is refused without a redirect. */
    AppClient knownClient(Optional<String> clientId) {
        String id = clientId.filter(s -> !s.isBlank())
                .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_REQUEST, "client_id is required."));
        return clients.find(id).orElseThrow(() -> OAuthException.of(OAuthError.INVALID_CLIENT, "The client is unknown."));
    }

    /**
     * The client at the token endpoint: known, and with its secret when it has one (compared in constant
     * time); a client without a secret that presents one is refused too, as Cognito does.
     */
    AppClient authenticated(ClientCredentials credentials) {
        if (credentials.clientId().isBlank()) throw OAuthException.of(OAuthError.INVALID_CLIENT, "Client authentication failed.");
        AppClient client = clients.find(credentials.clientId())
                .orElseThrow(() -> OAuthException.of(OAuthError.INVALID_CLIENT, "Client authentication failed."));
        if (client.secret().isPresent() != credentials.secret().isPresent()
                || client.secret().isPresent() && !sameSecret(client.secret().get(), credentials.secret().get())) {
            throw OAuthException.of(OAuthError.INVALID_CLIENT, "Client authentication failed.");
        }
        return client;
    }

    static void requireFlow(AppClient client, String flow, boolean redirect) {
        if (!client.allowedOAuthFlows().contains(flow)) {
            String why = "The client is not allowed the " + flow + " flow.";
            throw redirect ? OAuthException.redirected(OAuthError.UNAUTHORIZED_CLIENT, why)
                    : OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, why);
        }
    }

    /** The scopes of a user's authorization: those asked for, each allowed the client; none asked for is all it is allowed. */
    static Set<String> userScopes(AppClient client, Optional<String> scope) {
        Set<String> asked = OAuthScopes.parse(scope.orElse(""));
        if (asked.isEmpty()) return client.allowedScopes();
        for (String s : asked) {
            if (!client.allowedScopes().contains(s)) {
                throw OAuthException.redirected(OAuthError.INVALID_SCOPE, "The scope " + printable(s) + " is not allowed for this client.");
            }
        }
        return asked;
    }

    /** The scopes of the client-credentials grant: custom ones only, each allowed the client; none asked for is all of those. */
    static Set<String> clientScopes(AppClient client, Optional<String> scope) {
        Set<String> asked = OAuthScopes.parse(scope.orElse(""));
        Set<String> allowed = client.allowedScopes().stream().filter(OAuthScopes::isCustom)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (asked.isEmpty()) {
            if (allowed.isEmpty()) throw OAuthException.of(OAuthError.INVALID_SCOPE, "The client has no custom scopes.");
            return allowed;
        }
        for (String s : asked) {
            if (!allowed.contains(s)) {
                throw OAuthException.of(OAuthError.INVALID_SCOPE, "The scope " + printable(s) + " is not allowed for this client.");
            }
        }
        return asked;
    }

    /** The S256 challenge of a request, if any: {@code plain} (or no method) is refused. */
    static Optional<String> codeChallenge(Optional<String> challenge, Optional<String> method) {
        if (challenge.isEmpty()) {
            if (method.isPresent()) throw OAuthException.redirected(OAuthError.INVALID_REQUEST, "code_challenge is required with code_challenge_method.");
            return Optional.empty();
        }
        if (!method.map("S256"::equals).orElse(false)) {
            throw OAuthException.redirected(OAuthError.INVALID_REQUEST, "code_challenge_method must be S256.");
        }
        if (!PKCE_VALUE.matcher(challenge.get()).matches()) {
            throw OAuthException.redirected(OAuthError.INVALID_REQUEST, "code_challenge is malformed.");
        }
        return challenge;
    }

    /** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) equals the challenge. */
    static boolean verifierMeets(String verifier, String challenge) {
        if (!PKCE_VALUE.matcher(verifier).matches()) return false;
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean sameSecret(String stored, String presented) {
        return MessageDigest.isEqual(sha256(stored.getBytes(StandardCharsets.UTF_8)), sha256(presented.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A scope as it may appear in a message: short and printable (it came from the caller). */
    private static String printable(String s) {
        String p = s.codePoints().filter(c -> c > 0x20 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return p.length() > 64 ? p.substring(0, 64) + "…" : p;
    }
}
