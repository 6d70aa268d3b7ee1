package dev.userpool.core.domain;

/**
 * The errors a user of userpool can see. {@link #code()} is the spelling that reaches people:
 * the {@code code} of an HTTP problem body and the {@code errorCode} of an audit event.
 */
public enum ErrorCode {
    USERNAME_EXISTS("UsernameExists"),
    INVALID_PASSWORD("InvalidPassword"),
    INVALID_PARAMETER("InvalidParameter"),
    CODE_MISMATCH("CodeMismatch"),
    EXPIRED_CODE("ExpiredCode"),
    NOT_AUTHORIZED("NotAuthorized"),
    USER_NOT_CONFIRMED("UserNotConfirmed"),
    USER_NOT_FOUND("UserNotFound"),
    LIMIT_EXCEEDED("LimitExceeded"),
    TOO_MANY_REQUESTS("TooManyRequests"),
    TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttempts"),
    SERVICE_UNAVAILABLE("ServiceUnavailable"),
    /** An administrator reset the password; sign-in waits for a new one set with a reset code (Cognito's PasswordResetRequiredException). */
    PASSWORD_RESET_REQUIRED("PasswordResetRequired"),
    /** The account is not in the state the operation needs (Cognito's UnsupportedUserStateException). */
    UNSUPPORTED_USER_STATE("UnsupportedUserState"),
    // groups (issue 13): a group nobody created, and a group name already in use
    RESOURCE_NOT_FOUND("ResourceNotFound"),
    GROUP_EXISTS("GroupExists"),
    // app clients (issue 15): OAuth settings Cognito refuses, and a scope no resource server defines
    INVALID_OAUTH_FLOW("InvalidOAuthFlow"),
    SCOPE_DOES_NOT_EXIST("ScopeDoesNotExist");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static java.util.Optional<ErrorCode> fromCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) return java.util.Optional.of(c);
        }
        return java.util.Optional.empty();
    }
}
