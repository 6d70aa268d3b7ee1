package dev.userpool.core.domain;

import java.util.Objects;

/**
 * SRP's {@code PASSWORD_VERIFIER} challenge, as Cognito's {@code ChallengeParameters} carry it: the
 * server's public value, the account's salt, the random secret block that names the pending challenge
 * (there is no separate session), the {@code USER_ID_FOR_SRP} the client derives its key with, and the
 * {@code USERNAME} to answer with. The secret block never prints: it names a challenge someone may answer.
 */
public record PasswordVerifierChallenge(String srpB, String salt, String secretBlock, String userIdForSrp, String username) {
    /** The challenge's name on the wire, declared here only: the SRP server and the Cognito API both use it. */
    public static final String NAME = "PASSWORD_VERIFIER";

    public PasswordVerifierChallenge {
        Objects.requireNonNull(srpB, "srpB");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(secretBlock, "secretBlock");
        Objects.requireNonNull(userIdForSrp, "userIdForSrp");
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String toString() {
        return "PasswordVerifierChallenge[userIdForSrp=" + userIdForSrp + ", secretBlock=***]";
    }
}
