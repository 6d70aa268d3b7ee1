package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.UserPoolException;

/**
 * The core's errors as Cognito names them on the wire, for the local pool's callers: the opposite way
 * to the Cognito adapter's {@code CognitoSdkFailures}, which turns AWS's answers into the core's errors.
 * The messages are the core's, which already use Cognito's words where clients match on them
 * ("Incorrect username or password.", "User is not confirmed.", "Password attempts exceeded") and
 * never carry a secret.
 */
final class CognitoWireErrors {
    private CognitoWireErrors() {}

    static CognitoError of(UserPoolException e) {
        return switch (e.code()) {
            case USERNAME_EXISTS -> new CognitoError("UsernameExistsException", e.getMessage());
            case INVALID_PASSWORD -> new CognitoError("InvalidPasswordException", e.getMessage());
            case INVALID_PARAMETER -> new CognitoError("InvalidParameterException", e.getMessage());
            case CODE_MISMATCH -> new CognitoError("CodeMismatchException", e.getMessage());
            case EXPIRED_CODE -> new CognitoError("ExpiredCodeException", e.getMessage());
            case NOT_AUTHORIZED -> new CognitoError("NotAuthorizedException", e.getMessage());
            case USER_NOT_CONFIRMED -> new CognitoError("UserNotConfirmedException", "User is not confirmed.");
            case USER_NOT_FOUND -> new CognitoError("UserNotFoundException", "User does not exist.");
            case LIMIT_EXCEEDED -> new CognitoError("LimitExceededException", e.getMessage());
            case TOO_MANY_REQUESTS -> new CognitoError("TooManyRequestsException", e.getMessage());
            case TOO_MANY_FAILED_ATTEMPTS -> new CognitoError("TooManyFailedAttemptsException", e.getMessage());
            case PASSWORD_RESET_REQUIRED -> new CognitoError("PasswordResetRequiredException", e.getMessage());
            case UNSUPPORTED_USER_STATE -> new CognitoError("UnsupportedUserStateException", e.getMessage());
            case SERVICE_UNAVAILABLE -> new CognitoError("InternalErrorException", e.getMessage(), 500);
            case RESOURCE_NOT_FOUND -> new CognitoError("ResourceNotFoundException", e.getMessage());
            case GROUP_EXISTS -> new CognitoError("GroupExistsException", e.getMessage());
            // passkeys (issue 14)
            case WEB_AUTHN_NOT_ENABLED -> new CognitoError("WebAuthnNotEnabledException", e.getMessage());
            case WEB_AUTHN_CONFIGURATION_MISSING -> new CognitoError("WebAuthnConfigurationMissingException", e.getMessage());
            case WEB_AUTHN_CHALLENGE_NOT_FOUND -> new CognitoError("WebAuthnChallengeNotFoundException", e.getMessage());
            case WEB_AUTHN_RELYING_PARTY_MISMATCH -> new CognitoError("WebAuthnRelyingPartyMismatchException", e.getMessage());
            case WEB_AUTHN_ORIGIN_NOT_ALLOWED -> new CognitoError("WebAuthnOriginNotAllowedException", e.getMessage());
            case WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED -> new CognitoError("WebAuthnCredentialNotSupportedException", e.getMessage());
            // issue 14, TOTP MFA
            case ENABLE_SOFTWARE_TOKEN_MFA -> new CognitoError("EnableSoftwareTokenMFAException", e.getMessage());
            case SOFTWARE_TOKEN_MFA_NOT_FOUND -> new CognitoError("SoftwareTokenMFANotFoundException", e.getMessage());
            case INVALID_OAUTH_FLOW -> new CognitoError("InvalidOAuthFlowException", e.getMessage());
            case SCOPE_DOES_NOT_EXIST -> new CognitoError("ScopeDoesNotExistException", e.getMessage());
        };
    }
}
