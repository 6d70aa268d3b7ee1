package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.embedded.SrpChallengeStore.Pending;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pending SRP challenges are shared fairly: per remote address, per account, and in all. */
class SrpChallengeStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final SrpChallengeStore store = new SrpChallengeStore();
    private int sessions;

    @Test
    void anAddressPastItsShareIsRefusedWhileOthersGoOn() {
        for (int i = 0; i < SrpChallengeStore.PER_CALLER; i++) put("flood-" + i, "10.0.0.1", NOW);

        var refused = assertThrows(UserPoolException.class, () -> put("one-more", "10.0.0.1", NOW));
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(store.admits("10.0.0.1", NOW)).isFalse();
        assertThat(store.admits("10.0.0.2", NOW)).isTrue();
        String other = put("rider", "10.0.0.2", NOW);
        assertThat(store.take(other)).isPresent();
    }

    @Test
    void anAddressGetsItsShareBackAsItsChallengesExpireOrAreAnswered() {
        String first = put("flood-0", "10.0.0.1", NOW);
        for (int i = 1; i < SrpChallengeStore.PER_CALLER; i++) put("flood-" + i, "10.0.0.1", NOW);
        assertThat(store.admits("10.0.0.1", NOW)).isFalse();

        store.take(first);
        assertThat(store.admits("10.0.0.1", NOW)).isTrue();
        put("flood-again", "10.0.0.1", NOW);
        assertThat(store.admits("10.0.0.1", NOW.plus(SrpChallengeStore.LIFETIME))).as("all expired").isTrue();
    }

    @Test
    void oneAccountHoldsAtMostItsShareAndItsOldestChallengeGivesWay() {
        String oldest = put("victim", "10.0.0.1", NOW);
        for (int i = 1; i < SrpChallengeStore.PER_ACCOUNT; i++) put("victim", "10.0.0." + (i + 1), NOW);

        String newest = put("victim", "10.0.0.99", NOW);

        assertThat(store.take(oldest)).isEmpty();
        assertThat(store.take(newest)).isPresent();
        assertThat(store.size()).isEqualTo(SrpChallengeStore.PER_ACCOUNT - 1);
    }

    private String put(String userIdForSrp, String caller, Instant now) {
        String session = "session-" + sessions++;
        store.put(session, new Pending(userIdForSrp, Optional.empty(), false, userIdForSrp, null, session,
                now.plus(SrpChallengeStore.LIFETIME), caller), now);
        return session;
    }
}
