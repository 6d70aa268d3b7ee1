package dev.userpool.core.domain;

import java.util.List;

/**
 * Every failure userpool reports, in the core's words. Messages are written for people and never
 * carry a password, code or token.
 */
public final class UserPoolException extends RuntimeException {
    /** Cognito's answer to a wrong password (and, with user-enumeration protection, to an unknown user). */
    public static final String INCORRECT_CREDENTIALS = "Incorrect username or password.";

    private final ErrorCode code;
    private final List<String> details;
    /** Null when the refusal is not about a password, or the directory does not say. */
    private final Boolean passwordChecked;
    /** Null when the refusal concerned no known account, or the adapter does not say. */
    private final Principal concerning;

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
        this(code, message, details, cause, null, null);
    }

    private UserPoolException(ErrorCode code, String message, List<String> details, Throwable cause,
                              Boolean passwordChecked, Principal concerning) {
        super(message, cause);
        this.code = java.util.Objects.requireNonNull(code, "code");
        this.details = List.copyOf(details);
        this.passwordChecked = passwordChecked;
        this.concerning = concerning;
    }

    /**
     * The same refusal, saying whether a password was tested against the account before it: the audit
     * trail records it, so how many guesses a lockout let through can be read from outside.
     */
    public UserPoolException passwordChecked(boolean checked) {
        UserPoolException marked = new UserPoolException(code, getMessage(), details, getCause(), checked, concerning);
        marked.setStackTrace(getStackTrace());
        return marked;
    }

    /**
     * The same refusal, naming the account it concerned: the adapter that refused knows it, so the
     * audit trail needs no second look-up. Never shown to callers (the message is what they see).
     */
    public UserPoolException concerning(Principal account) {
        UserPoolException marked = new UserPoolException(code, getMessage(), details, getCause(), passwordChecked,
                java.util.Objects.requireNonNull(account, "account"));
        marked.setStackTrace(getStackTrace());
        return marked;
    }

    /** The account this refusal concerned; empty when unknown or not told. */
    public java.util.Optional<Principal> concerning() {
        return java.util.Optional.ofNullable(concerning);
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

    /**
     * A wrong password, or a sign-in whose account may not be told apart from one: Cognito's words,
     * the same everywhere they are said.
     */
    public static UserPoolException incorrectCredentials() {
        return notAuthorized(INCORRECT_CREDENTIALS);
    }

    public static UserPoolException userNotFound() {
        return new UserPoolException(ErrorCode.USER_NOT_FOUND, "User does not exist.");
    }

    @Override
    public String toString() {
        return "UserPoolException[" + code.code() + "]: " + getMessage();
    }
}
