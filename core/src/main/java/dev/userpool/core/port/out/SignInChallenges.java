package dev.userpool.core.port.out;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import java.util.Optional;

/**
 * Sign-ins by challenge and answer instead of a password sent (SRP, Cognito's {@code USER_SRP_AUTH}):
 * a port of its own because only a directory that keeps SRP verifiers can pose one. A core wired
 * without it refuses challenge sign-ins ({@code InvalidParameter}).
 */
public interface SignInChallenges {

    /** As {@link Authenticator#forClient}: answers that sign in for the app client {@code clientId}. */
    default SignInChallenges forAppClient(String clientId) {
        return this;
    }

    /**
     * The {@code PASSWORD_VERIFIER} challenge for {@code username} (an address or a {@code sub}) and the
     * client's {@code SRP_A}. A name without an account gets a challenge that looks like a real one and
     * can never be answered, so the challenge tells nobody which names have accounts.
     *
     * @param caller the address asking: each has its share of the pending challenges
     * @throws dev.userpool.core.domain.UserPoolException {@code InvalidParameter} for a missing name or a
     *         bad {@code SRP_A}; {@code TooManyRequests} when too many challenges wait, or too many of the caller's
     */
    PasswordVerifierChallenge pose(String username, String srpA, String caller);

    /** The name a pending, unexpired challenge was posed for (what the user typed), by its session; empty when there is none. */
    Optional<String> challengedName(String session);

    /**
     * The account and its tokens for a right answer; the challenge is used up whatever the outcome. The
     * rules and errors of {@link Authenticator#signIn}: a wrong proof is {@code NotAuthorized}, counts
     * toward the lockout and says a password was tested; an unknown account is {@code UserNotFound}, an
     * unconfirmed one {@code UserNotConfirmed}; an unknown, used or expired session is
     * {@code NotAuthorized} and tests no password.
     */
    SignedIn answer(ChallengeAnswer answer);

    /**
     * As {@link #answer}, except that a right answer for a {@code FORCE_CHANGE_PASSWORD} account is the
     * {@code NEW_PASSWORD_REQUIRED} challenge ({@link Authenticator#signInStep}'s rules); the default suits
     * a directory without temporary passwords.
     */
    default SignInStep answerStep(ChallengeAnswer answer) {
        return answer(answer);
    }
}
