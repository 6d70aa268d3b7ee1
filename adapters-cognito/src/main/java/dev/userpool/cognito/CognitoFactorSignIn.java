package dev.userpool.cognito;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.FactorSignIn;

/**
 * Cognito opens no session on another's word that a code was proven: with Cognito as the directory, a
 * sign-in by an emailed code is Cognito's own ({@code USER_AUTH} with {@code EMAIL_OTP}, which Cognito
 * sends and checks), not this service's. So this refuses, saying so; codes are then never counted here.
 */
public final class CognitoFactorSignIn implements FactorSignIn {
    static final String UNSUPPORTED = "Sign-in with an emailed code is not available here with USERPOOL_DIRECTORY=cognito:"
            + " Amazon Cognito sends and checks its own codes (InitiateAuth USER_AUTH with EMAIL_OTP against the pool).";

    @Override
    public boolean locked(UserId account) {
        return false;
    }

    @Override
    public void countFailure(UserId account) {
        // Cognito keeps its own lockout
    }

    @Override
    public SignedIn signIn(UserId account) {
        throw new UserPoolException(ErrorCode.INVALID_PARAMETER, UNSUPPORTED);
    }
}
