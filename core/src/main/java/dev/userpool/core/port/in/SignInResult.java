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

    /**
     * Issue 14, TOTP: the password was right and a second factor must follow ({@code SOFTWARE_TOKEN_MFA}, or
     * {@code MFA_SETUP}), answered with {@link MultiFactor#answerChallenge}. Its session never prints.
     */
    record MfaChallenge(dev.userpool.core.domain.MfaRequired challenge) implements SignInResult {
        public MfaChallenge {
            Objects.requireNonNull(challenge, "challenge");
        }
    }
}
