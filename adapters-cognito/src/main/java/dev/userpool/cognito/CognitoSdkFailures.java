package dev.userpool.cognito;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where Cognito's failures, as the AWS SDK throws them, become the core's: every call to Cognito goes through
 * {@link #call}, and nothing above this adapter ever sees an SDK exception. By the time a failure
 * arrives here the SDK's retry strategy has already retried what is worth retrying, so throttling,
 * 5xx answers, timeouts and unreachable endpoints are {@code ServiceUnavailable}.
 *
 * <p>Messages are Cognito's own wording for the errors people see (the core's contracts use the same),
 * or Cognito's message with the caller's secrets and anything token-shaped cut out.
 */
final class CognitoSdkFailures {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoSdkFailures.class);

    static final String USERNAME_EXISTS = "An account with the given email already exists.";
    static final String CODE_MISMATCH = "Invalid verification code provided, please try again.";
    static final String EXPIRED_CODE = "Invalid code provided, please request a code again.";
    static final String USER_NOT_FOUND = "User does not exist.";
    static final String USER_NOT_CONFIRMED = "User is not confirmed.";
    static final String LIMIT_EXCEEDED = "Attempt limit exceeded, please try after some time.";
    static final String THROTTLED = "Cognito is busy (its request rate limit was reached); please try again shortly.";

    // JWTs (3 parts) and JWEs (5 parts), and any other long opaque run such as a refresh token or a hash.
    private static final Pattern TOKEN_SHAPED = Pattern.compile(
            "[A-Za-z0-9_-]{8,}(\\.[A-Za-z0-9_-]{8,}){2,4}|[A-Za-z0-9+/_=-]{40,}");

    private CognitoSdkFailures() {}

    /**
     * Runs one Cognito request. {@code secrets} are the values this request carries that must never be
     * repeated (password, code, token): they are cut out of any message Cognito sends back.
     */
    static <T> T call(String operation, Supplier<T> request, String... secrets) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw translate(operation, e, secrets);
        }
    }

    /** The core's error for {@code e}, a failure of {@code operation}. */
    static UserPoolException translate(String operation, SdkException e, String... secrets) {
        if (e instanceof AwsServiceException service) return fromService(operation, service, secrets);
        String message = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                ? "Cognito did not answer in time." : "Cognito cannot be reached.";
        LOG.warn("Cognito {} failed before an answer ({}): {}", operation, e.getClass().getSimpleName(),
                redact(e.getMessage(), secrets));
        return error(ErrorCode.SERVICE_UNAVAILABLE, message);
    }

    private static UserPoolException fromService(String operation, AwsServiceException e, String... secrets) {
        String type = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String said = redact(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage(), secrets);
        UserPoolException mapped = switch (type == null ? "" : type) {
            case "UsernameExistsException", "AliasExistsException" -> error(ErrorCode.USERNAME_EXISTS, USERNAME_EXISTS);
            case "GroupExistsException" -> error(ErrorCode.GROUP_EXISTS, or(said, "A group with the name already exists."));
            case "InvalidPasswordException" ->
                    error(ErrorCode.INVALID_PASSWORD, or(said, "Password does not conform to policy."));
            case "InvalidParameterException" -> error(ErrorCode.INVALID_PARAMETER, or(said, "Invalid parameter."));
            case "CodeMismatchException" -> error(ErrorCode.CODE_MISMATCH, CODE_MISMATCH);
            // issue 14, TOTP MFA
            case "EnableSoftwareTokenMFAException" ->
                    error(ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA, "Code mismatch and fail enable Software Token MFA");
            case "SoftwareTokenMFANotFoundException" ->
                    error(ErrorCode.SOFTWARE_TOKEN_MFA_NOT_FOUND, "Software Token MFA does not exist for the user.");
            case "ExpiredCodeException" -> error(ErrorCode.EXPIRED_CODE, EXPIRED_CODE);
            case "NotAuthorizedException" -> error(ErrorCode.NOT_AUTHORIZED, or(said, UserPoolException.INCORRECT_CREDENTIALS));
            case "PasswordResetRequiredException" ->
                    error(ErrorCode.PASSWORD_RESET_REQUIRED, dev.userpool.core.domain.User.PASSWORD_RESET_REQUIRED);
            case "UnsupportedUserStateException" -> error(ErrorCode.UNSUPPORTED_USER_STATE, or(said, "The user is in an unsupported state."));
            // the pool's own Lambda trigger refused (e.g. a pre-sign-up check): its words are for the user
            case "UserLambdaValidationException" -> error(ErrorCode.INVALID_PARAMETER, or(said, "The request was refused."));
            case "ForbiddenException" -> error(ErrorCode.NOT_AUTHORIZED, "The user pool's web ACL refused the request.");
            case "UserNotConfirmedException" -> error(ErrorCode.USER_NOT_CONFIRMED, USER_NOT_CONFIRMED);
            case "UserNotFoundException" -> error(ErrorCode.USER_NOT_FOUND, USER_NOT_FOUND);
            case "LimitExceededException" -> error(ErrorCode.LIMIT_EXCEEDED, LIMIT_EXCEEDED);
            case "TooManyFailedAttemptsException" ->
                    error(ErrorCode.TOO_MANY_FAILED_ATTEMPTS, or(said, "Too many failed attempts; please try again later."));
            default -> null;
        };
        if (mapped != null) {
            LOG.debug("Cognito {} refused: {} ({})", operation, type, e.requestId());
            return mapped;
        }
        // Cognito's own throttling (TooManyRequestsException), 5xx, and what only an operator can fix
        // (a missing pool or client, IAM, Lambda triggers, email configuration): not the caller's doing.
        LOG.warn("Cognito {} failed: {} (HTTP {}, request {}): {}", operation, type, e.statusCode(), e.requestId(), said);
        if (e.isThrottlingException()) return error(ErrorCode.SERVICE_UNAVAILABLE, THROTTLED);
        if ("CodeDeliveryFailureException".equals(type)) {
            return error(ErrorCode.SERVICE_UNAVAILABLE, "Cognito could not deliver the code; please try again later.");
        }
        String what = type == null ? "HTTP " + e.statusCode() : type;
        return error(ErrorCode.SERVICE_UNAVAILABLE, "Cognito could not do this now (" + what + ").");
    }

    /** {@code message} without the given secrets and without anything shaped like a token. */
    static String redact(String message, String... secrets) {
        if (message == null) return "";
        String clean = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) clean = clean.replace(secret, "***");
        }
        return TOKEN_SHAPED.matcher(clean).replaceAll("***");
    }

    private static String or(String said, String fallback) {
        return said.isBlank() ? fallback : said;
    }

    /** Without the SDK exception as cause: nothing above the adapter may see it, nor its unredacted message. */
    private static UserPoolException error(ErrorCode code, String message) {
        return new UserPoolException(code, message);
    }
}
