package dev.userpool.app.http.oauth;

import dev.userpool.app.http.pages.ManagedLoginTemplates;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.AuthorizationServer;
import dev.userpool.core.port.in.ManagedLogin;
import dev.userpool.core.port.in.Registration;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The embedded pool's OAuth 2.0 / OpenID Connect endpoints and managed login pages, at the paths of a
 * Cognito domain, on the app's port (issue 15): {@code /oauth2/authorize}, {@code /login} and the pages
 * after it, {@code /oauth2/token}, {@code /oauth2/revoke}, {@code /oauth2/userInfo}, {@code /logout}; and
 * what the issuer's discovery document says of them ({@link #discovery}).
 */
public final class OAuthEndpoints {
    private final AuthorizationServer server;
    private final ManagedLogin login;
    private final Registration registration;
    private final Authentication authentication;
    private final URI baseUrl;

    /** {@code baseUrl}: the public base URL the endpoints are served under (https makes the cookies Secure). */
    public OAuthEndpoints(AuthorizationServer server, ManagedLogin login, Registration registration, Authentication authentication,
                          URI baseUrl) {
        this.server = server;
        this.login = login;
        this.registration = registration;
        this.authentication = authentication;
        this.baseUrl = baseUrl;
    }

    public void install(Javalin app) {
        BrowserCookies cookies = new BrowserCookies("https".equalsIgnoreCase(baseUrl.getScheme()));
        ManagedLoginTemplates templates = new ManagedLoginTemplates();
        new ManagedLoginPages(server, login, registration, authentication, cookies, templates, baseUrl.getHost()).install(app);
        new TokenEndpoints(server).install(app);
        new LogoutEndpoint(server, login, cookies, templates).install(app);
    }

    /**
     * The issuer's OpenID Provider Metadata (OpenID Connect Discovery 1.0 §3) with these endpoints, for
     * {@code issuer} (the {@code iss} of the tokens).
     */
    public Map<String, Object> discovery(String issuer) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", base + "/oauth2/authorize");
        doc.put("token_endpoint", base + "/oauth2/token");
        doc.put("userinfo_endpoint", base + "/oauth2/userInfo");
        doc.put("revocation_endpoint", base + "/oauth2/revoke");
        doc.put("end_session_endpoint", base + "/logout");
        doc.put("jwks_uri", issuer + "/.well-known/jwks.json");
        doc.put("response_types_supported", List.of("code", "token"));
        doc.put("response_modes_supported", List.of("query", "fragment"));
        doc.put("grant_types_supported", List.of("authorization_code", "implicit", "refresh_token", "client_credentials"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", List.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        doc.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "email",
                "email_verified", "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
                "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at", "address",
                "phone_number", "phone_number_verified", "cognito:username", "cognito:groups"));
        return doc;
    }
}
