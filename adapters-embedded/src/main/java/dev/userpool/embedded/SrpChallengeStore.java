package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.srp.SrpServerSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SRP challenges waiting for their answer, in memory: each is answered at most once and only
 * within {@link #LIFETIME} (Cognito's session lasts 3 minutes). The secret {@code b} of each stays in
 * this process and goes with the entry. At most {@link #CAPACITY} wait at once, so a flood of
 * InitiateAuth calls cannot fill the heap; past that, sign-ins are refused until some expire.
 */
final class SrpChallengeStore {
    static final Duration LIFETIME = Duration.ofMinutes(3);
    static final int CAPACITY = 10_000;

    /**
     * One challenge: the name it was begun with, the account (empty for an unknown name), whether the
     * account had a verifier (a simulated challenge otherwise), the challenge's {@code USERNAME}
     * ({@code USER_ID_FOR_SRP}), the server's half of the protocol and the {@code SECRET_BLOCK}.
     */
    record Pending(String challengedName, Optional<UserId> account, boolean realVerifier, String userIdForSrp,
                   SrpServerSession srp, String secretBlock, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[" + challengedName + "]";
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    void put(String session, Pending challenge, Instant now) {
        if (pending.size() >= CAPACITY) {
            pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
            if (pending.size() >= CAPACITY) {
                throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, "Too many sign-ins are waiting for their answer; try again shortly.");
            }
        }
        pending.put(session, challenge);
    }

    /** Removes and returns the challenge of {@code session} (its SECRET_BLOCK): whatever the answer, it cannot be answered again. */
    Optional<Pending> take(String session) {
        return Optional.ofNullable(pending.remove(session));
    }

    Optional<Pending> peek(String session) {
        return Optional.ofNullable(pending.get(session));
    }
}
