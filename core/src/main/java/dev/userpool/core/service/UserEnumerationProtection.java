package dev.userpool.core.service;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;

/**
 * Cognito's {@code PreventUserExistenceErrors}: when on, callers cannot tell an unknown address from
 * a known one. Only what the caller sees changes; audit events record what really happened.
 */
public record UserEnumerationProtection(boolean enabled) {
    static final String INCORRECT_CREDENTIALS = UserPoolException.INCORRECT_CREDENTIALS;
    static final String INVALID_CODE = "Invalid verification code provided, please try again.";

    public static UserEnumerationProtection on() {
        return new UserEnumerationProtection(true);
    }

    boolean hides(UserPoolException e) {
        return enabled && e.code() == ErrorCode.USER_NOT_FOUND;
    }

    /** At sign-in an unknown user fails exactly like a wrong password. */
    UserPoolException atSignIn(UserPoolException e) {
        return hides(e) ? UserPoolException.incorrectCredentials() : e;
    }

    /** A code for an unknown user is simply a wrong code. */
    UserPoolException atCodeCheck(UserPoolException e) {
        return hides(e) ? new UserPoolException(ErrorCode.CODE_MISMATCH, INVALID_CODE) : e;
    }
}
