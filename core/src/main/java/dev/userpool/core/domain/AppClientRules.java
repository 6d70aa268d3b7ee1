package dev.userpool.core.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What Cognito's CreateUserPoolClient and UpdateUserPoolClient accept, with their errors: the name,
 * callback and sign-out URLs (absolute, HTTPS but for {@code http://localhost}, no fragment, at most
 * 100), the OAuth flows and scopes and how they go together, the explicit auth flows, the token
 * validities' bounds. Checked before anything is written, so a refusal leaves the pool as it was.
 */
public final class AppClientRules {
    public static final String COGNITO = "COGNITO";
    public static final Set<String> OAUTH_FLOWS = Set.of("code", "implicit", "client_credentials");
    /** The scopes every pool has; custom scopes come from its resource servers. */
    public static final Set<String> STANDARD_SCOPES = Set.of("openid", "email", "phone", "profile",
            "aws.cognito.signin.user.admin");
    public static final String ALLOW_USER_PASSWORD_AUTH = "ALLOW_USER_PASSWORD_AUTH";
    public static final String ALLOW_USER_SRP_AUTH = "ALLOW_USER_SRP_AUTH";
    public static final String ALLOW_REFRESH_TOKEN_AUTH = "ALLOW_REFRESH_TOKEN_AUTH";
    public static final String ALLOW_ADMIN_USER_PASSWORD_AUTH = "ALLOW_ADMIN_USER_PASSWORD_AUTH";
    public static final String ALLOW_CUSTOM_AUTH = "ALLOW_CUSTOM_AUTH";
    public static final String ALLOW_USER_AUTH = "ALLOW_USER_AUTH";
    public static final Set<String> EXPLICIT_AUTH_FLOWS = Set.of(ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH,
            ALLOW_REFRESH_TOKEN_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_AUTH);
    /** Cognito's flows for a client created without ExplicitAuthFlows. */
    public static final Set<String> DEFAULT_AUTH_FLOWS = Set.of(ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH);
    public static final Duration DEFAULT_TOKEN = Duration.ofMinutes(60);
    public static final Duration DEFAULT_REFRESH_TOKEN = Duration.ofDays(30);
    public static final Duration DEFAULT_AUTH_SESSION = Duration.ofMinutes(3);
    public static final int MAX_URLS = 100;

    private static final Pattern NAME = Pattern.compile("[\\w\\s+=,.@-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Duration MIN_TOKEN = Duration.ofMinutes(5);
    private static final Duration MAX_TOKEN = Duration.ofDays(1);
    private static final Duration MIN_REFRESH = Duration.ofMinutes(60);
    private static final Duration MAX_REFRESH = Duration.ofDays(3650);
    private static final Duration MIN_SESSION = Duration.ofMinutes(3);
    private static final Duration MAX_SESSION = Duration.ofMinutes(15);

    private AppClientRules() {}

    /**
     * Refuses settings Cognito would refuse, with its error: {@code InvalidParameter} for a malformed
     * value, {@code InvalidOAuthFlow} for OAuth settings that do not go together, {@code ScopeDoesNotExist}
     * for a scope neither standard nor one of {@code customScopes} (the resource servers' {@code id/scope}).
     *
     * @param hasSecret whether the client has (or is getting) a secret: {@code client_credentials} needs one
     */
    public static void check(AppClientSettings s, Set<String> customScopes, boolean hasSecret) {
        checkName(s.name());
        checkUrls("callbackURLs", s.callbackUrls());
        checkUrls("logoutURLs", s.logoutUrls());
        for (String flow : s.explicitAuthFlows()) {
            if (!EXPLICIT_AUTH_FLOWS.contains(flow)) {
                throw invalid("1 validation error detected: Value '" + s.explicitAuthFlows() + "' at 'explicitAuthFlows' failed to"
                        + " satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + new TreeSet<>(EXPLICIT_AUTH_FLOWS) + "]");
            }
        }
        for (String flow : s.allowedOAuthFlows()) {
            if (!OAUTH_FLOWS.contains(flow)) {
                throw invalid("1 validation error detected: Value '" + s.allowedOAuthFlows() + "' at 'allowedOAuthFlows' failed to"
                        + " satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
                        + "[implicit, client_credentials, code]]");
            }
        }
        for (String provider : s.supportedIdentityProviders()) {
            if (!COGNITO.equals(provider)) throw invalid("The provider " + provider + " does not exist for User Pool.");
        }
        for (String scope : s.allowedScopes()) {
            if (!STANDARD_SCOPES.contains(scope) && !customScopes.contains(scope)) {
                throw new UserPoolException(ErrorCode.SCOPE_DOES_NOT_EXIST, "Invalid scope requested: " + scope);
            }
        }
        checkOAuth(s, hasSecret);
        if (s.defaultRedirectUri().isPresent() && !s.callbackUrls().contains(s.defaultRedirectUri().get())) {
            throw invalid("DefaultRedirectURI must be one of the CallbackURLs.");
        }
        checkValidity("IdTokenValidity", s.idTokenValidity(), MIN_TOKEN, MAX_TOKEN, "5 minutes and 1 day");
        checkValidity("AccessTokenValidity", s.accessTokenValidity(), MIN_TOKEN, MAX_TOKEN, "5 minutes and 1 day");
        checkValidity("RefreshTokenValidity", s.refreshTokenValidity(), MIN_REFRESH, MAX_REFRESH, "60 minutes and 10 years");
        checkValidity("AuthSessionValidity", s.authSessionValidity(), MIN_SESSION, MAX_SESSION, "3 and 15 minutes");
    }

    /** Cognito's limits on a client name: 1 to 128 letters, digits, spaces and {@code +=,.@-}. */
    public static void checkName(String name) {
        if (name.isEmpty() || name.length() > 128) {
            throw invalid("1 validation error detected: Value '" + name + "' at 'clientName' failed to satisfy constraint:"
                    + " Member must have length " + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 128"));
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid("1 validation error detected: Value '" + name + "' at 'clientName' failed to satisfy constraint:"
                    + " Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+");
        }
    }

    private static void checkOAuth(AppClientSettings s, boolean hasSecret) {
        Set<String> flows = s.allowedOAuthFlows();
        if (s.allowedOAuthFlowsUserPoolClient()) {
            if (flows.isEmpty()) throw oauth("AllowedOAuthFlows can not be empty when AllowedOAuthFlowsUserPoolClient is true.");
            if (s.allowedScopes().isEmpty()) throw oauth("AllowedOAuthScopes can not be empty when AllowedOAuthFlowsUserPoolClient is true.");
        }
        if (flows.contains("client_credentials")) {
            if (flows.size() > 1) throw oauth("client_credentials flow can not be selected if code or implicit flow is selected.");
            if (!hasSecret) throw oauth("client_credentials flow can not be selected if client does not have a client secret.");
            for (String scope : s.allowedScopes()) {
                if (STANDARD_SCOPES.contains(scope)) {
                    throw oauth("Scope " + scope + " can not be selected for client_credentials flow: only custom scopes are allowed.");
                }
            }
        }
        if ((flows.contains("code") || flows.contains("implicit")) && s.callbackUrls().isEmpty()) {
            throw oauth("CallbackUrls can not be empty when code flow or implicit flow is selected");
        }
    }

    /**
     * Absolute, no fragment, HTTPS — or HTTP to {@code localhost} (and its addresses), which Cognito allows
     * for development, or an app's own scheme ({@code myapp://callback}) — at most 100, each of 1 to 1024 characters.
     */
    static void checkUrls(String member, List<String> urls) {
        if (urls.size() > MAX_URLS) {
            throw invalid("1 validation error detected: Value at '" + member + "' failed to satisfy constraint: Member must"
                    + " have length less than or equal to " + MAX_URLS);
        }
        for (String url : urls) {
            if (url.isEmpty() || url.length() > 1024) {
                throw invalid("1 validation error detected: Value '" + url + "' at '" + member + "' failed to satisfy"
                        + " constraint: Member must have length between 1 and 1024");
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw invalid(url + " is not a valid URL.");
            }
            if (!uri.isAbsolute()) {
                throw invalid(url + " is not an absolute URL.");
            }
            if (uri.getRawFragment() != null) throw invalid(url + " cannot have a fragment.");
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") && !isLocalhost(uri.getHost())) {
                throw invalid(url + " must use HTTPS: HTTP is allowed only for http://localhost.");
            }
        }
    }

    private static boolean isLocalhost(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    private static void checkValidity(String member, Duration value, Duration min, Duration max, String range) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(member + " must be between " + range + ".");
        }
    }

    private static UserPoolException invalid(String message) {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER, message);
    }

    private static UserPoolException oauth(String message) {
        return new UserPoolException(ErrorCode.INVALID_OAUTH_FLOW, message);
    }
}
