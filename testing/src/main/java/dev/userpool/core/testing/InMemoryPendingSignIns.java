package dev.userpool.core.testing;

import dev.userpool.core.domain.PendingSignIn;
import dev.userpool.core.port.out.PendingSignIns;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PendingSignIns} in a map; taking is atomic, so each is answered once. */
public final class InMemoryPendingSignIns implements PendingSignIns {
    private final Map<String, PendingSignIn> bySession = new ConcurrentHashMap<>();

    @Override
    public void save(PendingSignIn pending, Instant now) {
        bySession.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        bySession.put(pending.sessionDigest(), pending);
    }

    @Override
    public Optional<PendingSignIn> find(String sessionDigest) {
        return Optional.ofNullable(bySession.get(sessionDigest));
    }

    @Override
    public boolean take(String sessionDigest) {
        return bySession.remove(sessionDigest) != null;
    }

    @Override
    public int countWrongAnswer(String sessionDigest) {
        PendingSignIn after = bySession.computeIfPresent(sessionDigest, (k, p) -> new PendingSignIn(p.sessionDigest(),
                p.username(), p.account(), p.codeDigest(), p.expiresAt(), p.wrongAnswers() + 1));
        return after == null ? 0 : after.wrongAnswers();
    }

    public int size() {
        return bySession.size();
    }
}
