package dev.userpool.core.port.in;

import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.Tokens;
import java.util.Objects;

/**
 * How a sign-in ended for the caller: signed in with tokens, or asked to choose a new password first
 * (Cognito's {@code NEW_PASSWORD_REQUIRED}, answered with {@link Authentication#completeNewPassword}).
 */
public sealed interface SignInResult {

    record Completed(Tokens tokens) implements SignInResult {
        public Completed {
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /** The challenge; its session is a secret and never prints. */
    record NewPasswordChallenge(NewPasswordRequired challenge) implements SignInResult {
        public NewPasswordChallenge {
            Objects.requireNonNull(challenge, "challenge");
        }
    }
}
