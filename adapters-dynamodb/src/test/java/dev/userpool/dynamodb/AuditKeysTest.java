package dev.userpool.dynamodb;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditKeysTest {

    @Test
    void sortKeysSortLikeTheInstantsTheyHold() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00.5Z"), Instant.parse("2030-01-01T00:00:00.000000001Z"),
                Instant.parse("2029-12-31T23:59:59.999999999Z")));
        for (int i = 0; i < 500; i++) {
            instants.add(Instant.ofEpochSecond(1_900_000_000L + random.nextInt(1_000), random.nextInt(1_000_000_000)));
        }
        List<String> keys = instants.stream().map(t -> AuditKeys.sortKey(t, UUID.randomUUID())).toList();

        List<String> byText = keys.stream().sorted().toList();
        List<String> byInstant = keys.stream().sorted(Comparator.comparing(AuditKeys::instantOf)).toList();
        assertThat(byText).containsExactlyElementsOf(byInstant);
    }

    @Test
    void instantToStringWouldNotSortAndThatIsWhyTheWidthIsFixed() {
        Instant whole = Instant.parse("2030-01-01T00:00:00Z");
        Instant half = whole.plusMillis(500);
        assertThat(whole.toString().compareTo(half.toString())).isPositive();   // "…00Z" > "…00.500Z"
        assertThat(AuditKeys.instant(whole).compareTo(AuditKeys.instant(half))).isNegative();
    }

    @Test
    void aBareInstantBoundsTheKeysOfThatInstantFromBelow() {
        Instant t = Instant.parse("2030-01-01T10:00:00Z");
        String bound = AuditKeys.instant(t);
        assertThat(AuditKeys.sortKey(t, UUID.randomUUID())).isGreaterThan(bound);
        assertThat(AuditKeys.sortKey(t.minusNanos(1), UUID.randomUUID())).isLessThan(bound);
    }

    @Test
    void theSameEventAlwaysGoesToTheSameShardAndEveryShardIsUsed() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            UUID id = UUID.randomUUID();
            int shard = AuditKeys.shard(id, 4);
            assertThat(shard).isBetween(0, 3).isEqualTo(AuditKeys.shard(UUID.fromString(id.toString()), 4));
            used.add(shard);
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void storedInstantsReadBackExactly() {
        Instant t = Instant.parse("2030-02-03T04:05:06.000000789Z");
        assertThat(AuditKeys.parseInstant(AuditKeys.instant(t))).isEqualTo(t);
        assertThat(AuditKeys.isSortKey(AuditKeys.sortKey(t, UUID.randomUUID()))).isTrue();
        assertThat(AuditKeys.isSortKey(AuditKeys.instant(t))).isFalse();
        assertThat(AuditKeys.isSortKey("2030-02-03T04:05:06Z#" + UUID.randomUUID())).isFalse();
    }

    @Test
    void instantsWithoutAFourDigitYearAreRefused() {
        assertRefused(() -> AuditKeys.instant(Instant.parse("+10000-01-01T00:00:00Z")), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> AuditKeys.instant(Instant.parse("0000-12-31T23:59:59Z")), ErrorCode.INVALID_PARAMETER);
    }
}
