package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.srp.SrpServerSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SRP challenges waiting for their answer, in memory: each is answered at most once and only
 * within {@link #LIFETIME} (Cognito's session lasts 3 minutes). The secret {@code b} of each stays in
 * this process and goes with the entry.
 *
 * <p>Bounded three ways, so that one caller cannot crowd out the others: at most {@link #CAPACITY}
 * wait in all (the heap); at most {@link #PER_CALLER} from one remote address, past which that address
 * is refused ({@code TooManyRequests}) until some of its challenges are answered or expire; and at most
 * {@link #PER_ACCOUNT} for one account (or unknown name), past which its oldest challenge gives way — a
 * person retrying gets a fresh challenge, and a flood aimed at one name cannot hold more.
 */
final class SrpChallengeStore {
    static final Duration LIFETIME = Duration.ofMinutes(3);
    static final int CAPACITY = 10_000;
    static final int PER_CALLER = 1_000;
    static final int PER_ACCOUNT = 16;
    static final String BUSY = "Too many sign-ins are waiting for their answer; try again shortly.";

    /**
     * One challenge: the name it was begun with, the account (empty for an unknown name), whether the
     * account had a verifier (a simulated challenge otherwise), the challenge's {@code USERNAME}
     * ({@code USER_ID_FOR_SRP}), the server's half of the protocol, the {@code SECRET_BLOCK}, and the
     * remote address that asked.
     */
    record Pending(String challengedName, Optional<Principal> account, boolean realVerifier, String userIdForSrp,
                   SrpServerSession srp, String secretBlock, Instant expiresAt, String caller) {
        @Override
        public String toString() {
            return "Pending[" + challengedName + "]";
        }
    }

    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, Deque<String>> byAccount = new HashMap<>();
    private final Map<String, Integer> byCaller = new HashMap<>();

    /** Whether {@code caller} may begin another challenge now (checked again, atomically, by {@link #put}). */
    synchronized boolean admits(String caller, Instant now) {
        if (callerCount(caller) < PER_CALLER && pending.size() < CAPACITY) return true;
        purgeExpired(now);
        return callerCount(caller) < PER_CALLER && pending.size() < CAPACITY;
    }

    synchronized void put(String session, Pending challenge, Instant now) {
        if (!admits(challenge.caller(), now)) throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, BUSY);
        Deque<String> sessions = byAccount.computeIfAbsent(challenge.userIdForSrp(), k -> new ArrayDeque<>());
        if (sessions.size() >= PER_ACCOUNT) remove(sessions.peekFirst());
        pending.put(session, challenge);
        byAccount.computeIfAbsent(challenge.userIdForSrp(), k -> new ArrayDeque<>()).addLast(session);
        byCaller.merge(challenge.caller(), 1, Integer::sum);
    }

    /** Removes and returns the challenge of {@code session} (its SECRET_BLOCK): whatever the answer, it cannot be answered again. */
    synchronized Optional<Pending> take(String session) {
        return Optional.ofNullable(remove(session));
    }

    synchronized Optional<Pending> peek(String session) {
        return Optional.ofNullable(pending.get(session));
    }

    synchronized int size() {
        return pending.size();
    }

    private int callerCount(String caller) {
        return byCaller.getOrDefault(caller, 0);
    }

    private void purgeExpired(Instant now) {
        pending.values().stream().filter(p -> !now.isBefore(p.expiresAt())).map(Pending::secretBlock).toList()
                .forEach(this::remove);
    }

    private Pending remove(String session) {
        Pending gone = pending.remove(session);
        if (gone == null) return null;
        byAccount.computeIfPresent(gone.userIdForSrp(), (k, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
        byCaller.computeIfPresent(gone.caller(), (k, n) -> n <= 1 ? null : n - 1);
        return gone;
    }
}
