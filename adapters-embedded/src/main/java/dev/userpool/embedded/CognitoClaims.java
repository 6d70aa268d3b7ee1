package dev.userpool.embedded;

/** The claim names and values of Cognito's tokens, which the embedded tokens copy. */
final class CognitoClaims {
    private CognitoClaims() {}

    static final String TOKEN_USE = "token_use";
    static final String ID_USE = "id";
    static final String ACCESS_USE = "access";
    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";
    static final String AUTH_TIME = "auth_time";
    static final String COGNITO_USERNAME = "cognito:username";
    static final String USERNAME = "username";
    static final String CLIENT_ID = "client_id";
    static final String SCOPE = "scope";
    static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";
    static final String GROUPS = "cognito:groups";
    static final String ORIGIN_JTI = "origin_jti";
    static final String EVENT_ID = "event_id";
    static final String UPDATED_AT = "updated_at";
    static final String ADDRESS = "address";
    static final String ADDRESS_FORMATTED = "formatted";
    // issue 15, the OAuth endpoints' ID tokens (OpenID Connect Core §2, §3.1.3.6)
    static final String NONCE = "nonce";
    static final String AT_HASH = "at_hash";
}
