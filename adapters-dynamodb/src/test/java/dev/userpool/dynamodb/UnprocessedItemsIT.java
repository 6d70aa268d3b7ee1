package dev.userpool.dynamodb;

import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * dynalite never answers with {@code UnprocessedItems} (real DynamoDB does when a partition is busy
 * or a batch is too large); a wrapper around the real client on dynalite writes only the first half
 * of each batch and hands the rest back as unprocessed, the way DynamoDB does.
 */
class UnprocessedItemsIT {
    @TempDir
    Path spool;
    private Dynalite dynalite;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

    /** Writes the first half of every batch for real, and returns the second half unprocessed. */
    private final class HalfProcessed extends DelegatingDynamoDb {
        HalfProcessed() {
            super(dynalite.client());
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            calls.incrementAndGet();
            String table = request.requestItems().keySet().iterator().next();
            List<WriteRequest> all = request.requestItems().get(table);
            sizes.add(all.size());
            int taken = (all.size() + 1) / 2;
            real.batchWriteItem(b -> b.requestItems(Map.of(table, all.subList(0, taken))));
            List<WriteRequest> rest = all.subList(taken, all.size());
            return BatchWriteItemResponse.builder().unprocessedItems(rest.isEmpty() ? Map.of() : Map.of(table, rest)).build();
        }
    }

    @BeforeEach
    void start() {
        dynalite = Dynalite.inMemory();
    }

    @AfterEach
    void stop() {
        dynalite.close();
    }

    @Test
    void everyEventArrivesOnceWhenDynamoDbLeavesItemsUnprocessed() throws Exception {
        HalfProcessed client = new HalfProcessed();
        new AuditTable(client, "audit").createIfMissing(Duration.ofSeconds(30));
        Instant base = Instant.parse("2030-03-01T12:00:00Z");
        List<List<AuditEvent>> perUser = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(24);
        try (DynamoDbAuditLog log = new DynamoDbAuditLog(client, AuditLogOptions.defaults("audit", spool)
                .withWriteRetries(8, Duration.ofMillis(2), Duration.ofMillis(50)), Clock.systemUTC())) {
            List<CompletableFuture<Void>> recordings = new ArrayList<>();
            for (int u = 0; u < 24; u++) {
                List<AuditEvent> events = new ArrayList<>();
                for (int i = 0; i < 15; i++) events.add(signIn("user-" + u, base.plusMillis(i)));
                perUser.add(events);
                recordings.add(CompletableFuture.runAsync(() -> events.forEach(log::record), threads));
            }
            CompletableFuture.allOf(recordings.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            DeliveryStatistics stats = log.statistics();
            assertThat(stats.eventsSpooled()).as("the retries sufficed").isZero();
            assertThat(stats.eventsWritten()).isEqualTo(360);
            assertThat(stats.writeRequests()).isEqualTo(calls.get()).isGreaterThan(360 / 25);
            assertThat(sizes).as("every batch within the limit").allSatisfy(s -> assertThat(s).isBetween(1, 25));

            for (int u = 0; u < 24; u++) {
                Page<AuditEvent> page = log.bySubject("user-" + u, new PageRequest(60, Optional.empty()));
                List<AuditEvent> newestFirst = new ArrayList<>(perUser.get(u));
                Collections.reverse(newestFirst);
                assertThat(page.items()).containsExactlyElementsOf(newestFirst);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
