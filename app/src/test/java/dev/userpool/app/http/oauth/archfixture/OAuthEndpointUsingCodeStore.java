package dev.userpool.app.http.oauth.archfixture;

/**
 * Deliberately breaks the rule for the OAuth endpoints (issue 15): they drive the AuthorizationServer and
 * ManagedLogin use cases, never the codes' out-port or the embedded adapter that serves it.
 */
public class OAuthEndpointUsingCodeStore {
    dev.userpool.core.port.out.AuthorizationCodes codes;
    dev.userpool.embedded.SqliteAuthorizationCodes stored;
}
