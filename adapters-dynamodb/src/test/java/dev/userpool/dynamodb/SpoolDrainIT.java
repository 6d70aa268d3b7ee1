package dev.userpool.dynamodb;

import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The spool of replicas that will not come back, drained by other processes into dynalite: two drains
 * at once share the segments without reading one twice, every event ends in the table exactly once
 * (those the dead replica had delivered already are counted as such, not written again), and the
 * spool is empty after; a segment whose writer lives is left alone; a drain DynamoDB stops leaves the
 * rest for the next one.
 */
class SpoolDrainIT {
    static final String TABLE = "audit";
    static final AuditLogOptions OPTIONS = AuditLogOptions.defaults(TABLE, Path.of("unused"));

    @TempDir
    Path tmp;
    Dynalite dynalite;
    DynamoDbClient client;
    final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    @BeforeEach
    void start() {
        dynalite = Dynalite.inMemory();
        client = dynalite.client();
        new AuditTable(client, TABLE).createIfMissing(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        client.close();
        dynalite.close();
    }

    @Test
    void twoDrainsAtOnceDeliverEveryEventExactlyOnceAndEmptyTheSpool() throws Exception {
        Path spool = tmp.resolve("dead-replica");
        List<AuditEvent> all = new ArrayList<>();
        for (int replica = 0; replica < 6; replica++) all.addAll(leaveSegment(spool, "replica-" + replica, 40));
        List<AuditEvent> deliveredBeforeDying = all.subList(0, 10);
        AuditItemMapper mapper = new AuditItemMapper(OPTIONS.shards(), OPTIONS.retention());
        for (AuditEvent e : deliveredBeforeDying) client.putItem(b -> b.tableName(TABLE).item(mapper.toItem(e)));

        // the first drain holds its first segment until the second has claimed one: both work at once
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondClaimed = new CountDownLatch(1);
        SpoolDrain.Progress first = claimed(() -> {
            firstClaimed.countDown();
            await(secondClaimed);
        });
        SpoolDrain.Progress second = claimed(secondClaimed::countDown);
        SpoolDrain.Report a;
        SpoolDrain.Report b;
        try (DynamoDbClient otherClient = dynalite.client(); SpoolDrain drainA = new SpoolDrain(client, OPTIONS);
             SpoolDrain drainB = new SpoolDrain(otherClient, OPTIONS)) {
            CompletableFuture<SpoolDrain.Report> runA = CompletableFuture.supplyAsync(() -> drainA.drain(spool, first));
            await(firstClaimed);
            CompletableFuture<SpoolDrain.Report> runB = CompletableFuture.supplyAsync(() -> drainB.drain(spool, second));
            a = runA.get(120, TimeUnit.SECONDS);
            b = runB.get(120, TimeUnit.SECONDS);
        }

        assertThat(secondClaimed.getCount()).as("the second drain claimed a segment while the first held one").isZero();
        assertThat(a.segmentsDrained()).isPositive();
        assertThat(b.segmentsDrained()).isPositive();
        assertThat(a.segmentsDrained() + b.segmentsDrained()).isEqualTo(6);
        assertThat(a.delivered() + b.delivered()).as("each event written by one drain only").isEqualTo(230);
        assertThat(a.alreadyPresent() + b.alreadyPresent()).as("what the replica delivered before dying").isEqualTo(10);
        assertThat(List.of(a, b)).allSatisfy(r -> {
            assertThat(r.failed()).isZero();
            assertThat(r.stoppedBecause()).isEmpty();
            assertThat(r.keptAside()).isEmpty();
        });
        assertThat(eventIdsInTable()).hasSize(240)
                .isEqualTo(all.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet()));
        assertThat(files(spool)).as("the spool is empty").isEmpty();
    }

    @Test
    void aSegmentWhoseWriterLivesIsLeftAloneAndDrainedOnceItsWriterHasGone() throws Exception {
        Path spool = tmp.resolve("shared");
        Spool living = Spool.open(spool, Clock.systemUTC());
        List<AuditEvent> waiting = events("living", 5);
        living.append(waiting);
        List<AuditEvent> dead = leaveSegment(spool, "dead", 7);

        try (SpoolDrain drain = new SpoolDrain(client, OPTIONS)) {
            SpoolDrain.Report report = drain.drain(spool, SpoolDrain.Progress.none());
            assertThat(report.delivered()).isEqualTo(7);
            assertThat(report.segmentsHeldElsewhere()).isEqualTo(1);
            assertThat(eventIdsInTable()).isEqualTo(ids(dead));
            assertThat(files(spool)).hasSize(1);

            living.close();   // its writer stops, leaving its segment
            SpoolDrain.Report later = drain.drain(spool, SpoolDrain.Progress.none());
            assertThat(later.delivered()).isEqualTo(5);
            assertThat(later.segmentsHeldElsewhere()).isZero();
            assertThat(files(spool)).isEmpty();
        } finally {
            living.close();
        }
    }

    @Test
    void aDrainDynamoDbStopsLeavesTheRestForTheNextOne() throws Exception {
        Path spool = tmp.resolve("outage");
        List<AuditEvent> all = new ArrayList<>(leaveSegment(spool, "one", 30));
        all.addAll(leaveSegment(spool, "two", 12));

        URI nobody = URI.create("http://127.0.0.1:" + LocalServer.freePort());
        try (DynamoDbClient unreachable = Dynalite.client(nobody); SpoolDrain drain = new SpoolDrain(unreachable, OPTIONS)) {
            SpoolDrain.Report report = drain.drain(spool, SpoolDrain.Progress.none());
            assertThat(report.delivered()).isZero();
            assertThat(report.leftInSpool()).as("the first segment, all of it").isEqualTo(30);
            assertThat(report.segmentsNotTried()).isEqualTo(1);
            assertThat(report.failed()).isEqualTo(30);
            assertThat(report.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).startsWith("DynamoDB failed (no answer"));
        }
        assertThat(files(spool)).hasSize(2);

        try (SpoolDrain drain = new SpoolDrain(client, OPTIONS)) {
            SpoolDrain.Report report = drain.drain(spool, SpoolDrain.Progress.none());
            assertThat(report.delivered()).isEqualTo(42);
            assertThat(report.failed()).isZero();
        }
        assertThat(eventIdsInTable()).isEqualTo(ids(all));
        assertThat(files(spool)).isEmpty();
    }

    /** A replica that spooled {@code n} events and died: its segment stays, unlocked. */
    private List<AuditEvent> leaveSegment(Path dir, String user, int n) throws IOException {
        List<AuditEvent> events = events(user, n);
        Spool spool = Spool.open(dir, Clock.systemUTC());
        spool.append(events);
        spool.close();
        return events;
    }

    private List<AuditEvent> events(String user, int n) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) events.add(signIn(user + "-" + UUID.randomUUID(), base.plusMillis(i)));
        return events;
    }

    private static Set<String> ids(List<AuditEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
    }

    /** Every event id in the table, failing on one that is there twice. */
    private Set<String> eventIdsInTable() {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(TABLE);
            if (start != null) scan.exclusiveStartKey(start);
            var page = client.scan(scan.build());
            page.items().forEach(item -> ids.add(item.get(AuditItemMapper.EVENT_ID).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(ids).doesNotHaveDuplicates();
        return Set.copyOf(ids);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static SpoolDrain.Progress claimed(Runnable onFirstClaim) {
        CountDownLatch once = new CountDownLatch(1);
        return new SpoolDrain.Progress() {
            @Override
            public void claimed(Path segment, long records) {
                if (once.getCount() == 0) return;
                once.countDown();
                onFirstClaim.run();
            }

            @Override
            public void settled(SpoolDrain.Report soFar) {}
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new AssertionError("the other drain never claimed a segment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
