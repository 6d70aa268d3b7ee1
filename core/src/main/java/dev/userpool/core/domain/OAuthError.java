package dev.userpool.core.domain;

/**
 * The error codes of OAuth 2.0 (RFC 6749 §4.1.2.1 and §5.2) by their wire names, which the
 * authorization server's refusals carry ({@link OAuthException}).
 */
public enum OAuthError {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    INVALID_SCOPE("invalid_scope"),
    ACCESS_DENIED("access_denied"),
    /** RFC 6750 §3.1: the bearer token of userInfo is missing, expired, revoked or lacks {@code openid}. */
    INVALID_TOKEN("invalid_token"),
    /** RFC 7009 §2.2.1: the token endpoint does not revoke this kind of token. */
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"),
    SERVER_ERROR("server_error");

    private final String wireName;

    OAuthError(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
