package dev.userpool.dynamodb;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** What DynamoDB or the SDK threw, in the core's words, in one place. */
final class DynamoDbErrors {
    private DynamoDbErrors() {}

    /**
     * Whether DynamoDB refused the request as invalid: sending it again would be refused again, so
     * it must not wait in the spool forever. Everything else (no answer, throttling, a missing table,
     * refused credentials) may pass once the service or its set-up is back.
     */
    static boolean isRefusal(SdkException e) {
        return e instanceof AwsServiceException s && "ValidationException".equals(code(s));
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof AwsServiceException s && "ResourceNotFoundException".equals(code(s));
    }

    static boolean isUnknownOperation(SdkException e) {
        return e instanceof AwsServiceException s && "UnknownOperationException".equals(code(s));
    }

    /** A short name for logs and messages: DynamoDB's error code, or what kept the request from an answer. */
    static String name(SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = code(s);
            return code == null ? "HTTP " + s.statusCode() : code;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return "no answer: " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    /** The core's error for a failure while {@code doing} something (e.g. "reading events"). */
    static UserPoolException translate(SdkException e, String doing) {
        String code = e instanceof AwsServiceException s ? code(s) : null;
        String why = switch (code == null ? "" : code) {
            case "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded" ->
                    "DynamoDB is throttling requests past the retries";
            case "ResourceNotFoundException" -> "the DynamoDB table or index does not exist";
            case "AccessDeniedException", "UnrecognizedClientException", "MissingAuthenticationTokenException",
                 "InvalidSignatureException", "ExpiredTokenException" ->
                    "DynamoDB refused the credentials or their permissions (" + code + ")";
            default -> "DynamoDB failed (" + name(e) + ")";
        };
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Audit trail: " + why + " (while " + doing + ").", e);
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
