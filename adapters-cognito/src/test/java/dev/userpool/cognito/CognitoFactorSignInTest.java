package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With Cognito as the directory, a sign-in by an emailed code is Cognito's own: this port refuses, saying so. */
class CognitoFactorSignInTest {
    private final CognitoFactorSignIn factors = new CognitoFactorSignIn();
    private final UserId someone = new UserId(UUID.randomUUID().toString());

    @Test
    void opensNoSessionAndSaysWhy() {
        assertThat(assertRefused(() -> factors.signIn(someone), ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("USERPOOL_DIRECTORY=cognito").hasMessageContaining("USER_AUTH");
    }

    @Test
    void leavesTheLockoutToCognito() {
        factors.countFailure(someone);
        assertThat(factors.locked(someone)).isFalse();
    }
}
