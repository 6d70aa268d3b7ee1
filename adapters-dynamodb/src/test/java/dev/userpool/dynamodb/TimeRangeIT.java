package dev.userpool.dynamodb;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Time-range listings across users, days and index shards, on dynalite: merged newest first, paged
 * without loss or repetition, bounded by the retention, and crossing long empty stretches.
 */
class TimeRangeIT {
    @TempDir
    static Path spool;
    private static Dynalite dynalite;
    private static DynamoDbClient client;
    private static final MutableClock clock = MutableClock.at("2030-01-20T00:00:00Z");

    @BeforeAll
    static void start() {
        dynalite = Dynalite.inMemory();
        client = dynalite.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        dynalite.close();
    }

    /** Each test has a table of its own, so that no test sees another's events in its time ranges. */
    private DynamoDbAuditLog open(AuditLogOptions options) {
        new AuditTable(client, options.tableName()).createIfMissing(Duration.ofSeconds(30));
        return new DynamoDbAuditLog(client, options, clock);
    }

    private static AuditLogOptions options(String name) {
        return AuditLogOptions.defaults("audit-range-" + name, spool.resolve(name));
    }

    private static List<AuditEvent> readAll(DynamoDbAuditLog log, Instant from, Instant to, int pageSize) {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int pages = 0; pages < 1_000; pages++) {
            Page<AuditEvent> page = log.between(from, to, request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) return all;
            request = new PageRequest(pageSize, page.nextCursor());
        }
        throw new AssertionError("the listing never ended");
    }

    @Test
    void eventsOfManyUsersAndDaysComeMergedNewestFirstInPages() {
        Random random = new Random(11);
        Instant start = Instant.parse("2030-01-10T00:00:00Z");
        List<AuditEvent> recorded = new ArrayList<>();
        try (DynamoDbAuditLog log = open(options("a"))) {
            for (int i = 0; i < 120; i++) {
                // five days, many around midnight
                Instant at = start.plus(Duration.ofHours(random.nextInt(5 * 24))).plusMillis(random.nextInt(3_600_000));
                AuditEvent e = signIn("range-user-" + random.nextInt(9), at);
                log.record(e);
                recorded.add(e);
            }
            List<AuditEvent> newestFirst = recorded.stream()
                    .sorted(Comparator.comparing(AuditEvent::occurredAt).reversed()).toList();

            assertThat(readAll(log, start, start.plus(Duration.ofDays(5)), 7)).containsExactlyElementsOf(newestFirst);
            assertThat(readAll(log, start, start.plus(Duration.ofDays(5)), 60)).containsExactlyElementsOf(newestFirst);

            Instant from = Instant.parse("2030-01-11T00:00:00Z");
            Instant to = Instant.parse("2030-01-13T00:00:00Z");
            List<AuditEvent> twoDays = newestFirst.stream()
                    .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to)).toList();
            assertThat(twoDays).isNotEmpty();
            assertThat(readAll(log, from, to, 5)).containsExactlyElementsOf(twoDays);
        }
    }

    @Test
    void aSparseTrailIsCrossedInOnePage() {
        try (DynamoDbAuditLog log = open(options("b"))) {
            AuditEvent recent = signIn("sparse", Instant.parse("2030-01-19T12:00:00Z"));
            AuditEvent monthsAgo = signIn("sparse", Instant.parse("2029-03-02T12:00:00Z"));
            log.record(recent);
            log.record(monthsAgo);

            Page<AuditEvent> page = log.between(Instant.parse("2029-03-01T00:00:00Z"), Instant.parse("2029-03-03T00:00:00Z")
                    .plus(Duration.ofDays(323)), PageRequest.first(10));

            assertThat(page.items()).containsExactly(recent, monthsAgo);
            assertThat(page.nextCursor()).isEmpty();
        }
    }

    @Test
    void eventsPastTheRetentionAreNotShownThoughDynamoDbMayStillHoldThem() {
        try (DynamoDbAuditLog log = open(options("c")
                .withRetention(Duration.ofDays(30)))) {
            AuditEvent old = signIn("retained", Instant.parse("2029-12-01T00:00:00Z"));   // 50 days before the clock
            AuditEvent recent = signIn("retained", Instant.parse("2030-01-15T00:00:00Z"));
            log.record(old);
            log.record(recent);

            assertThat(log.bySubject("retained", PageRequest.first(10)).items()).containsExactly(recent);
            assertThat(log.between(Instant.EPOCH, Instant.parse("2030-01-16T00:00:00Z"), PageRequest.first(10)).items())
                    .contains(recent).doesNotContain(old);
        }
        // the expiry is fixed when an event is written: a longer retention later does not bring it back
        try (DynamoDbAuditLog log = open(options("c"))) {
            assertThat(log.bySubject("retained", PageRequest.first(10)).items()).hasSize(1);
        }
    }

    @Test
    void aRangeWiderThanOnePagesWorthOfDaysGoesOnWithACursor() {
        try (DynamoDbAuditLog log = open(options("d").withShards(1))) {
            AuditEvent later = signIn("far-apart", Instant.parse("2036-06-01T00:00:00Z"));
            AuditEvent earlier = signIn("far-apart", Instant.parse("2031-06-01T00:00:00Z"));
            log.record(later);
            log.record(earlier);
            Instant from = Instant.parse("2031-01-01T00:00:00Z");
            Instant to = Instant.parse("2036-12-31T00:00:00Z");

            Page<AuditEvent> first = log.between(from, to, PageRequest.first(10));

            assertThat(first.items()).containsExactly(later);
            assertThat(first.nextCursor()).as("stopped after %d days", AuditReader.MAX_DAYS_PER_PAGE).isPresent();
            assertThat(readAll(log, from, to, 10)).containsExactly(later, earlier);
        }
    }

    @Test
    void aCursorOfOneListingIsRefusedByTheOther() {
        try (DynamoDbAuditLog log = open(options("e"))) {
            for (int i = 0; i < 3; i++) log.record(signIn("cursor-user", Instant.parse("2030-01-18T00:00:00Z").plusSeconds(i)));
            Page<AuditEvent> bySubject = log.bySubject("cursor-user", PageRequest.first(1));

            assertRefused(() -> log.between(Instant.parse("2030-01-17T00:00:00Z"), Instant.parse("2030-01-19T00:00:00Z"),
                    new PageRequest(1, bySubject.nextCursor())), ErrorCode.INVALID_PARAMETER);
        }
    }
}
