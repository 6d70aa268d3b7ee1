package dev.userpool.core.port.out;

import dev.userpool.core.domain.PendingSignIn;
import java.time.Instant;
import java.util.Optional;

/**
 * The choice-based sign-ins ({@code USER_AUTH}) waiting for an answer, by their session's digest. The
 * core decides everything (codes, limits, expiry); this only keeps them, so that any process of the pool
 * can take the answer, and each is answered at most once.
 */
public interface PendingSignIns {

    /** Keeps a new pending sign-in; forgets the ones that expired before {@code now}. */
    void save(PendingSignIn pending, Instant now);

    /** The pending sign-in of this session digest, expired or not; empty when there is none (never was, or taken). */
    Optional<PendingSignIn> find(String sessionDigest);

    /**
     * Takes it away, for good: true for the one caller that took it, false when it was already gone. What
     * makes a session (and its code) answer once, whichever process gets the answers.
     */
    boolean take(String sessionDigest);

    /** Counts one wrong answer and returns the count; 0 when it is gone. */
    int countWrongAnswer(String sessionDigest);
}
