package dev.userpool.core.domain;

import java.util.List;

/**
 * Every failure userpool reports, in the core's words. Messages are written for people and never
 * carry a password, code or token.
 */
public final class UserPoolException extends RuntimeException {
    private final ErrorCode code;
    private final List<String> details;
    /** Null when the refusal is not about a password, or the directory does not say. */
    private final Boolean passwordChecked;

    public UserPoolException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public UserPoolException(ErrorCode code, String message, List<String> details) {
        this(code, message, details, null);
    }

    public UserPoolException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    private UserPoolException(ErrorCode code, String message, List<String> details, Throwable cause) {
        this(code, message, details, cause, null);
    }

    private UserPoolException(ErrorCode code, String message, List<String> details, Throwable cause, Boolean passwordChecked) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.details = List.copyOf(details);
        this.passwordChecked = passwordChecked;
    }

    /**
     * The same refusal, saying whether a password was tested against the account before it: the audit
     * trail records it, so how many guesses a lockout let through can be read from outside.
     */
    public UserPoolException passwordChecked(boolean checked) {
        UserPoolException marked = new UserPoolException(code, getMessage(), details, getCause(), checked);
        marked.setStackTrace(getStackTrace());
        return marked;
    }

    /** Whether a password was tested before this refusal; empty when not told. */
    public java.util.Optional<Boolean> passwordChecked() {
        return java.util.Optional.ofNullable(passwordChecked);
    }

    public ErrorCode code() {
        return code;
    }

    /** Further reasons, e.g. every password rule that was broken. */
    public List<String> details() {
        return details;
    }

    public static UserPoolException invalidParameter(String field, String problem) {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER, field + ": " + problem);
    }

    public static UserPoolException notAuthorized(String message) {
        return new UserPoolException(ErrorCode.NOT_AUTHORIZED, message);
    }

    public static UserPoolException userNotFound() {
        return new UserPoolException(ErrorCode.USER_NOT_FOUND, "User does not exist.");
    }

    @Override
    public String toString() {
        return "UserPoolException[" + code.code() + "]: " + getMessage();
    }
}
