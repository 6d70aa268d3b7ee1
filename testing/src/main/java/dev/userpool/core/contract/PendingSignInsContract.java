package dev.userpool.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.PendingSignIn;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PendingSignIns;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link PendingSignIns} does: keeps, counts, and lets each be taken once. */
public abstract class PendingSignInsContract {
    protected static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    protected abstract PendingSignIns pending();

    /** An account the store may refer to (adapters with foreign keys need a real one). */
    protected abstract UserId anAccount();

    private PendingSignIn aCode(Optional<UserId> account, Instant expiresAt) {
        return new PendingSignIn("digest-" + UUID.randomUUID(), "someone@example.com", account,
                Optional.of("code-digest"), expiresAt, 0);
    }

    @Test
    void aSavedSignInIsFoundAsSaved() {
        PendingSignIn p = aCode(Optional.of(anAccount()), NOW.plus(Duration.ofMinutes(3)));
        pending().save(p, NOW);
        assertThat(pending().find(p.sessionDigest())).contains(p);
        PendingSignIn choice = new PendingSignIn("digest-" + UUID.randomUUID(), "x@example.com", Optional.empty(),
                Optional.empty(), NOW.plus(Duration.ofMinutes(3)), 0);
        pending().save(choice, NOW);
        assertThat(pending().find(choice.sessionDigest())).contains(choice);
    }

    @Test
    void itIsTakenOnceOnly() {
        PendingSignIn p = aCode(Optional.empty(), NOW.plus(Duration.ofMinutes(3)));
        pending().save(p, NOW);
        assertThat(pending().take(p.sessionDigest())).isTrue();
        assertThat(pending().take(p.sessionDigest())).isFalse();
        assertThat(pending().find(p.sessionDigest())).isEmpty();
    }

    @Test
    void wrongAnswersAreCounted() {
        PendingSignIn p = aCode(Optional.of(anAccount()), NOW.plus(Duration.ofMinutes(3)));
        pending().save(p, NOW);
        assertThat(pending().countWrongAnswer(p.sessionDigest())).isEqualTo(1);
        assertThat(pending().countWrongAnswer(p.sessionDigest())).isEqualTo(2);
        assertThat(pending().find(p.sessionDigest()).orElseThrow().wrongAnswers()).isEqualTo(2);
        assertThat(pending().countWrongAnswer("digest-never-saved")).isZero();
    }

    @Test
    void savingForgetsTheExpiredOnes() {
        PendingSignIn old = aCode(Optional.empty(), NOW.plus(Duration.ofMinutes(3)));
        pending().save(old, NOW);
        pending().save(aCode(Optional.empty(), NOW.plus(Duration.ofMinutes(10))), NOW.plus(Duration.ofMinutes(4)));
        assertThat(pending().find(old.sessionDigest())).isEmpty();
    }
}
