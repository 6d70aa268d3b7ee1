package dev.userpool.app.http.cognito;

/**
 * An error in Cognito's shape: {@code {"__type": type, "message": message}} with HTTP {@code status}
 * (400 for the caller's mistakes, 500 for {@code InternalErrorException}, which SDKs retry).
 */
final class CognitoError extends RuntimeException {
    private final String type;
    private final int status;

    CognitoError(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    CognitoError(String type, String message) {
        this(type, message, 400);
    }

    String type() {
        return type;
    }

    int status() {
        return status;
    }

    static CognitoError invalidParameter(String message) {
        return new CognitoError("InvalidParameterException", message);
    }

    static CognitoError notAuthorized(String message) {
        return new CognitoError("NotAuthorizedException", message);
    }

    /** AWS's wording when a required member is missing. */
    static CognitoError missing(String member) {
        String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return invalidParameter("1 validation error detected: Value null at '" + name
                + "' failed to satisfy constraint: Member must not be null");
    }
}
