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
    // passkeys (issue 14), in Cognito's words: passkeys off on this pool (not a secure context, or a
    // directory that serves them itself); no pending challenge for the answer; a credential made for
    // another relying party id, or from another origin; a credential whose algorithm, type or flags
    // the pool does not take
    WEB_AUTHN_NOT_ENABLED("WebAuthnNotEnabled"),
    WEB_AUTHN_CONFIGURATION_MISSING("WebAuthnConfigurationMissing"),
    WEB_AUTHN_CHALLENGE_NOT_FOUND("WebAuthnChallengeNotFound"),
    WEB_AUTHN_RELYING_PARTY_MISMATCH("WebAuthnRelyingPartyMismatch"),
    WEB_AUTHN_ORIGIN_NOT_ALLOWED("WebAuthnOriginNotAllowed"),
    WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED("WebAuthnCredentialNotSupported"),
    // Issue 14, TOTP MFA: a wrong code while setting an authenticator app up (Cognito's
    // EnableSoftwareTokenMFAException), and a code asked of an account without an app (SoftwareTokenMFANotFoundException)
    ENABLE_SOFTWARE_TOKEN_MFA("EnableSoftwareTokenMFA"),
    SOFTWARE_TOKEN_MFA_NOT_FOUND("SoftwareTokenMFANotFound"),
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
