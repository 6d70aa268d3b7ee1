package dev.userpool.ses;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates what SES or the SDK throws into the core's errors, in one place. SES names its error in
 * the {@code x-amzn-ErrorType} header (the SDK's error code); when a server sends none, the HTTP status
 * decides, so nothing here depends on one particular server naming its errors.
 */
final class SesErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SesErrors.class);

    /** The SES errors the adapters tell apart. */
    enum Kind {
        MESSAGE_REJECTED, PRODUCTION_ACCESS_NOT_GRANTED, MAIL_FROM_DOMAIN_NOT_VERIFIED, SENDING_PAUSED,
        ACCOUNT_SUSPENDED, LIMIT_EXCEEDED, TOO_MANY_REQUESTS, NOT_FOUND, ALREADY_EXISTS, BAD_REQUEST, ACCESS_DENIED,
        UNAVAILABLE
    }

    private SesErrors() {}

    static Kind kindOf(SdkException e) {
        if (!(e instanceof AwsServiceException service)) return Kind.UNAVAILABLE;   // no answer: network, timeout
        return errorCode(service).flatMap(SesErrors::byCode).orElseGet(() -> byStatus(service.statusCode()));
    }

    static boolean isNotFound(SdkException e) {
        return kindOf(e) == Kind.NOT_FOUND;
    }

    /** The core's error for {@code e}, which happened while {@code doing} (e.g. "sending the verification email"). */
    static UserPoolException translate(SdkException e, String doing) {
        Kind kind = kindOf(e);
        String name = e instanceof AwsServiceException s ? errorCode(s).orElse("HTTP " + s.statusCode()) : "no answer";
        LOG.warn("SES failed while {}: {} ({})", doing, name, e.getMessage());
        return switch (kind) {
            case MESSAGE_REJECTED -> new UserPoolException(ErrorCode.INVALID_PARAMETER,
                    "SES refused to send this email (MessageRejected) while " + doing + ".", e);
            case PRODUCTION_ACCESS_NOT_GRANTED -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The SES account is still in the sandbox, and custom verification emails need production access:"
                            + " request production access for this Region in the SES console.", e);
            case MAIL_FROM_DOMAIN_NOT_VERIFIED -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "SES cannot send from the configured address: its custom MAIL FROM domain is not verified.", e);
            case SENDING_PAUSED -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Email sending is paused for this SES account; nothing is sent until it is resumed.", e);
            case ACCOUNT_SUSPENDED -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The SES account is suspended from sending email.", e);
            case LIMIT_EXCEEDED -> new UserPoolException(ErrorCode.LIMIT_EXCEEDED,
                    "An SES limit was reached while " + doing + " (such as the 10,000 identities per Region or the"
                            + " daily sending quota).", e);
            case TOO_MANY_REQUESTS -> new UserPoolException(ErrorCode.TOO_MANY_REQUESTS,
                    "SES is throttling requests; try again in a few seconds.", e);
            case BAD_REQUEST -> new UserPoolException(ErrorCode.INVALID_PARAMETER,
                    "SES refused the request as invalid (" + name + ") while " + doing + ".", e);
            case ACCESS_DENIED -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "SES refused the credentials or their permissions (" + name + ") while " + doing + ".", e);
            case NOT_FOUND, ALREADY_EXISTS, UNAVAILABLE -> new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "SES could not complete " + doing + " (" + name + ").", e);
        };
    }

    /** SES's error name, without the {@code Exception} suffix some of them carry. */
    static Optional<String> errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (code == null || code.isBlank()) return Optional.empty();
        code = code.strip();
        return Optional.of(code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code);
    }

    private static Optional<Kind> byCode(String code) {
        return Optional.ofNullable(switch (code) {
            case "MessageRejected" -> Kind.MESSAGE_REJECTED;
            case "ProductionAccessNotGranted" -> Kind.PRODUCTION_ACCESS_NOT_GRANTED;
            case "MailFromDomainNotVerified" -> Kind.MAIL_FROM_DOMAIN_NOT_VERIFIED;
            case "SendingPaused", "AccountSendingPaused", "ConfigurationSetSendingPaused" -> Kind.SENDING_PAUSED;
            case "AccountSuspended" -> Kind.ACCOUNT_SUSPENDED;
            case "LimitExceeded" -> Kind.LIMIT_EXCEEDED;
            case "TooManyRequests", "Throttling" -> Kind.TOO_MANY_REQUESTS;
            case "NotFound" -> Kind.NOT_FOUND;
            case "AlreadyExists" -> Kind.ALREADY_EXISTS;
            case "BadRequest", "InvalidParameterValue", "Validation" -> Kind.BAD_REQUEST;
            case "AccessDenied", "UnrecognizedClient", "InvalidClientTokenId", "InvalidSignature", "SignatureDoesNotMatch",
                    "ExpiredToken", "MissingAuthenticationToken" -> Kind.ACCESS_DENIED;
            default -> null;   // unknown to us: the status decides
        });
    }

    private static Kind byStatus(int status) {
        if (status == 429) return Kind.TOO_MANY_REQUESTS;
        if (status == 404) return Kind.NOT_FOUND;
        if (status == 401 || status == 403) return Kind.ACCESS_DENIED;
        if (status >= 400 && status < 500) return Kind.BAD_REQUEST;
        return Kind.UNAVAILABLE;
    }
}
