package dev.userpool.dynamodb;

import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB goes away while events are being recorded, and comes back with its data: recording never
 * fails meanwhile, and afterwards every event is in the table exactly once, in order per user, and
 * the spool is empty.
 */
class OutageIT {
    private static final int USERS = 4;

    @TempDir
    Path work;

    private long spoolSegments() {
        try (Stream<Path> files = Files.list(work.resolve("spool"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(Spool.SEGMENT_SUFFIX)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void recordingGoesOnThroughAnOutageAndNothingIsLostOrDoubled() throws Exception {
        Instant base = Instant.parse("2030-06-01T08:00:00Z");
        ExecutorService recorders = Executors.newFixedThreadPool(USERS);
        try (Dynalite dynalite = Dynalite.onDisk(work.resolve("dynalite"));
             DynamoDbClient client = dynalite.client()) {
            new AuditTable(client, "audit").createIfMissing(Duration.ofSeconds(30));
            AuditLogOptions options = AuditLogOptions.defaults("audit", work.resolve("spool"))
                    .withWriteRetries(3, Duration.ofMillis(5), Duration.ofMillis(20))
                    .withReplayBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
            try (DynamoDbAuditLog log = new DynamoDbAuditLog(client, options, Clock.systemUTC())) {
                List<List<AuditEvent>> recorded = new ArrayList<>();
                List<Throwable> failures = new CopyOnWriteArrayList<>();
                Recording recording = new Recording();
                List<CompletableFuture<Void>> running = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    List<AuditEvent> mine = Collections.synchronizedList(new ArrayList<>());
                    recorded.add(mine);
                    String user = "outage-user-" + u;
                    running.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; recording.on(); i++) {
                            AuditEvent e = signIn(user, base.plusMillis(i));
                            try {
                                log.record(e);
                                mine.add(e);
                            } catch (RuntimeException ex) {
                                failures.add(ex);
                            }
                            pause(5);
                        }
                    }, recorders));
                }

                Thread.sleep(800);
                int beforeOutage = count(recorded);
                dynalite.stop();
                Thread.sleep(1_500);
                assertThat(failures).as("record failed during the outage").isEmpty();
                assertThat(count(recorded)).as("recording went on").isGreaterThan(beforeOutage + 20);
                assertThat(log.statistics().eventsSpooled()).isPositive();
                assertThat(spoolSegments()).as("events wait in the spool").isPositive();

                dynalite.start();   // same port, same data path
                Thread.sleep(1_000);
                recording.stop();
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                assertThat(failures).isEmpty();

                Eventually.within(Duration.ofSeconds(60), () -> {
                    assertThat(log.statistics().spoolBacklogBytes()).isZero();
                    assertThat(spoolSegments()).isZero();
                });
                for (int u = 0; u < USERS; u++) {
                    List<AuditEvent> expected = new ArrayList<>(recorded.get(u));
                    Collections.reverse(expected);
                    assertThat(readAll(log, "outage-user-" + u)).as("user %d, newest first", u)
                            .containsExactlyElementsOf(expected);
                }
                DeliveryStatistics stats = log.statistics();
                assertThat(stats.eventsRecorded()).isEqualTo(count(recorded));
                assertThat(stats.eventsReplayed()).isEqualTo(stats.eventsSpooled());
            }
        } finally {
            recorders.shutdownNow();
        }
    }

    private static List<AuditEvent> readAll(DynamoDbAuditLog log, String user) {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<AuditEvent> page = log.bySubject(user, request);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) return all;
            request = new PageRequest(PageRequest.MAX_LIMIT, page.nextCursor());
        }
    }

    private static int count(List<List<AuditEvent>> recorded) {
        return recorded.stream().mapToInt(List::size).sum();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Recording {
        private volatile boolean on = true;

        boolean on() {
            return on && !Thread.currentThread().isInterrupted();
        }

        void stop() {
            on = false;
        }
    }
}
