package dev.userpool.app.http.cognito;

import java.util.Optional;

/**
 * SRP's first step, answered by the embedded pool itself (it decides nothing, so it has no use case):
 * InitiateAuth({@code USER_SRP_AUTH}) → the {@code PASSWORD_VERIFIER} challenge. The second step goes
 * through the core's sign-in use case.
 */
public interface PasswordVerifierChallenges {

    /** Cognito's ChallengeParameters of PASSWORD_VERIFIER; the SECRET_BLOCK names the pending challenge. */
    record Challenge(String srpB, String salt, String secretBlock, String userIdForSrp, String username) {
        @Override
        public String toString() {
            return "Challenge[userIdForSrp=" + userIdForSrp + "]";
        }
    }

    /**
     * Fails with a {@link dev.userpool.core.domain.UserPoolException} (e.g. SRP turned off, a bad SRP_A,
     * too many challenges pending for {@code caller}, the remote address).
     */
    Challenge begin(String username, String srpA, String caller);

    /** The name the pending challenge with this SECRET_BLOCK was begun with, for the audit trail. */
    Optional<String> challengedName(String secretBlock);
}
