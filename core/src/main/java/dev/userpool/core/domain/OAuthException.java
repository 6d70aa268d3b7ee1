package dev.userpool.core.domain;

import java.util.Objects;

/**
 * A refusal of the OAuth 2.0 / OpenID Connect protocol: its {@link OAuthError} and a description for
 * people (never a code, token, secret or verifier). {@code redirectable} says whether the refusal may go
 * back to the client's redirect URI (RFC 6749 §4.1.2.1): only once the client and its redirect URI are
 * known to be right; otherwise the user is shown an error page and is never redirected.
 */
public final class OAuthException extends RuntimeException {
    private final OAuthError error;
    private final boolean redirectable;

    private OAuthException(OAuthError error, String description, boolean redirectable) {
        super(Objects.requireNonNull(description, "description"));
        this.error = Objects.requireNonNull(error, "error");
        this.redirectable = redirectable;
    }

    /** A refusal the endpoint answers itself (a token endpoint's JSON, or an error page). */
    public static OAuthException of(OAuthError error, String description) {
        return new OAuthException(error, description, false);
    }

    /** A refusal of an authorization request whose client and redirect URI were proven: it goes back to the client. */
    public static OAuthException redirected(OAuthError error, String description) {
        return new OAuthException(error, description, true);
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public boolean redirectable() {
        return redirectable;
    }

    /** What the audit trail records of it: a bad client or grant is a refused credential, the rest bad input. */
    public ErrorCode auditCode() {
        return switch (error) {
            case INVALID_CLIENT, INVALID_GRANT, INVALID_TOKEN, UNAUTHORIZED_CLIENT, ACCESS_DENIED -> ErrorCode.NOT_AUTHORIZED;
            case SERVER_ERROR -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> ErrorCode.INVALID_PARAMETER;
        };
    }
}
