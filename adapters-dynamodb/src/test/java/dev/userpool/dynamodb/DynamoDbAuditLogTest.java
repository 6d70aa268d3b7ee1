package dev.userpool.dynamodb;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The write path on a stubbed DynamoDB: when {@code record} returns, batching, the spool and shutting down. */
class DynamoDbAuditLogTest {
    @TempDir
    Path spoolDir;
    private final StubDynamoDb dynamo = new StubDynamoDb();
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final Instant t = Instant.parse("2030-01-01T00:00:00Z");
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<DynamoDbAuditLog> opened = new ArrayList<>();

    private AuditLogOptions options() {
        return AuditLogOptions.defaults("audit", spoolDir)
                .withWriteRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
                .withReplayBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .withRecordTimeout(Duration.ofSeconds(10));
    }

    private DynamoDbAuditLog open(AuditLogOptions options) {
        DynamoDbAuditLog log = new DynamoDbAuditLog(dynamo, options, clock);
        opened.add(log);
        return log;
    }

    @AfterEach
    void closeAll() {
        threads.shutdownNow();
        opened.forEach(DynamoDbAuditLog::close);
    }

    private CompletableFuture<Void> recordLater(DynamoDbAuditLog log, AuditEvent e) {
        return CompletableFuture.runAsync(() -> log.record(e), threads);
    }

    private List<Path> spoolFiles(String suffix) {
        try (Stream<Path> s = Files.list(spoolDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SdkClientException connectionRefused() {
        return SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }

    @Test
    void recordReturnsOnlyOnceDynamoDbHasTheEvent() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        dynamo.answer(requests -> {
            gate.await();
            return List.of();
        });
        DynamoDbAuditLog log = open(options());
        AuditEvent e = signIn("u1", t);

        CompletableFuture<Void> recording = recordLater(log, e);
        Thread.sleep(300);
        assertThat(recording).as("record returned before DynamoDB answered").isNotDone();
        assertThat(dynamo.storedCount()).isZero();

        gate.countDown();
        recording.get(5, TimeUnit.SECONDS);
        assertThat(dynamo.storedEvents()).containsExactly(e);
    }

    @Test
    void eventsRecordedTogetherTravelInBatchesOfAtMost25() throws Exception {
        dynamo.answer(requests -> {
            Thread.sleep(20);   // a round trip
            return List.of();
        });
        DynamoDbAuditLog log = open(options());
        List<CompletableFuture<Void>> recordings = new ArrayList<>();
        for (int i = 0; i < 200; i++) recordings.add(recordLater(log, signIn("u" + (i % 7), t.plusMillis(i))));
        CompletableFuture.allOf(recordings.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(dynamo.storedCount()).isEqualTo(200);
        assertThat(dynamo.batchSizes()).allSatisfy(size -> assertThat(size).isBetween(1, 25));
        assertThat(dynamo.batchSizes().size()).as("requests for 200 events").isLessThan(40);
        assertThat(log.statistics().eventsRecorded()).isEqualTo(200);
        assertThat(log.statistics().requestsPerEvent()).isLessThan(0.2);
    }

    @Test
    void whileDynamoDbDoesNotAnswerRecordSucceedsIntoTheSpoolAndEverythingArrivesInOrderLater() throws Exception {
        dynamo.answer(requests -> {
            throw connectionRefused();
        });
        DynamoDbAuditLog log = open(options());
        List<AuditEvent> during = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            AuditEvent e = signIn("u1", t.plusMillis(i));
            log.record(e);   // returns: the event is fsync'd in the spool
            during.add(e);
        }
        assertThat(spoolFiles(Spool.SEGMENT_SUFFIX)).isNotEmpty();
        assertThat(log.statistics().eventsSpooled()).isEqualTo(60);
        assertThat(dynamo.storedCount()).isZero();

        List<String> arrivalOrder = Collections.synchronizedList(new ArrayList<>());
        dynamo.answer(requests -> {
            requests.forEach(r -> arrivalOrder.add(r.putRequest().item().get("eventId").s()));
            return List.of();
        });
        AuditEvent after = signIn("u1", t.plusSeconds(10));
        log.record(after);

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(dynamo.storedCount()).isEqualTo(61));
        List<String> expected = new ArrayList<>(during.stream().map(e -> e.eventId().toString()).toList());
        expected.add(after.eventId().toString());
        assertThat(arrivalOrder).containsExactlyElementsOf(expected);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(log.statistics().spoolBacklogBytes()).isZero());
        assertThat(spoolFiles(Spool.SEGMENT_SUFFIX)).isEmpty();
        // The replayer counts a batch after the spool lets go of it, a moment after the backlog reads empty.
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(log.statistics().eventsReplayed()).isEqualTo(61));
    }

    @Test
    void itemsStillUnprocessedAfterTheRetriesWaitInTheSpoolAndArriveLater() throws Exception {
        dynamo.answer(requests -> requests);   // throttled: nothing processed
        DynamoDbAuditLog log = open(options());
        AuditEvent e = signIn("u1", t);

        log.record(e);
        assertThat(dynamo.batchSizes()).hasSizeGreaterThanOrEqualTo(3);   // the retries happened first
        assertThat(log.statistics().eventsSpooled()).isEqualTo(1);

        dynamo.answer(StubDynamoDb.TAKE_ALL);
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(dynamo.storedEvents()).containsExactly(e));
    }

    @Test
    void whatACrashedProcessLeftInTheSpoolIsReplayedAtStart() throws Exception {
        List<AuditEvent> left = List.of(signIn("u1", t), signIn("u2", t));
        try (Spool crashed = Spool.open(spoolDir, clock)) {
            crashed.append(left);
        }

        open(options());

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(dynamo.storedEvents()).containsExactlyInAnyOrderElementsOf(left));
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(spoolFiles(Spool.SEGMENT_SUFFIX)).isEmpty());
    }

    @Test
    void closingSendsWhatWasAcceptedAndWaitsForWhatIsInFlight() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        dynamo.answer(requests -> {
            if (calls.incrementAndGet() == 1) gate.await();   // the first batch hangs in flight
            return List.of();
        });
        // while a batch is in flight the next one waits (up to the batch delay: here 30 s) to fill up
        DynamoDbAuditLog log = open(options().withBuffer(100, Duration.ofSeconds(30), 2));
        List<CompletableFuture<Void>> recordings = new ArrayList<>();
        recordings.add(recordLater(log, signIn("u1", t)));
        Thread.sleep(200);
        for (int i = 1; i <= 5; i++) recordings.add(recordLater(log, signIn("u1", t.plusMillis(i))));
        Thread.sleep(300);
        assertThat(dynamo.storedCount()).isZero();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(log::close, threads);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(dynamo.storedCount()).isEqualTo(5));
        assertThat(closing).as("close waits for the batch in flight").isNotDone();

        gate.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(dynamo.storedCount()).isEqualTo(6);
        CompletableFuture.allOf(recordings.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
        assertRefused(() -> log.record(signIn("u1", t.plusSeconds(1))), ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void aLoneEventIsSentAtOnceNotAfterTheBatchDelay() {
        DynamoDbAuditLog log = open(options().withBuffer(100, Duration.ofSeconds(30), 4));
        long start = System.nanoTime();
        log.record(signIn("u1", t));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(dynamo.batchSizes()).containsExactly(1);
    }

    @Test
    void aFullBufferMakesRecordWaitAndThenFailInsteadOfGrowingWithoutBound() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        dynamo.answer(requests -> {
            gate.await();
            return List.of();
        });
        DynamoDbAuditLog log = open(options().withBuffer(1, Duration.ZERO, 1).withRecordTimeout(Duration.ofMillis(500)));
        try {
            recordLater(log, signIn("u1", t));   // the one batch in flight
            Thread.sleep(200);
            recordLater(log, signIn("u2", t));   // the one place in the buffer
            Thread.sleep(200);

            long start = System.nanoTime();
            UserPoolException refused = assertRefused(() -> log.record(signIn("u3", t)), ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(refused.getMessage()).contains("buffer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        } finally {
            gate.countDown();
        }
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(dynamo.storedCount()).isEqualTo(2));
    }

    @Test
    void anEventDynamoDbRefusesFailsItsRecordAndIsKeptAside() throws Exception {
        AuditEvent bad = signIn("bad", t);
        dynamo.answer(requests -> {
            boolean hasBad = requests.stream().anyMatch(r -> r.putRequest().item().get("userId").s().equals("bad"));
            if (hasBad) {
                throw DynamoDbException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException").errorMessage("invalid").build()).build();
            }
            return List.of();
        });
        DynamoDbAuditLog log = open(options());

        assertRefused(() -> log.record(bad), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(spoolFiles(Spool.REJECTED_SUFFIX)).hasSize(1);
        assertThat(spoolFiles(Spool.SEGMENT_SUFFIX)).isEmpty();   // never queued for a replay that would fail forever

        AuditEvent good = signIn("good", t);
        log.record(good);
        assertThat(dynamo.storedEvents()).containsExactly(good);
    }

    @Test
    void whenNeitherDynamoDbNorTheSpoolCanTakeAnEventRecordFails() throws Exception {
        dynamo.answer(requests -> {
            throw connectionRefused();
        });
        DynamoDbAuditLog log = open(options());
        Files.delete(spoolDir);
        Files.writeString(spoolDir, "not a directory any more");

        UserPoolException e = assertRefused(() -> log.record(signIn("u1", t)), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).contains("spool");
    }

    @Test
    void aReadDynamoDbCannotAnswerIsServiceUnavailableNeverAnSdkException() {
        dynamo.queryFails(connectionRefused());
        DynamoDbAuditLog log = open(options());

        UserPoolException bySubject = assertRefused(() -> log.bySubject("u1", PageRequest.first(10)), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(bySubject.getMessage()).contains("no answer");
        assertRefused(() -> log.between(t, t.plusSeconds(60), PageRequest.first(10)), ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void theSpoolDirectoryIsWhereTheOptionsSay() {
        assertThat(open(options()).spoolDirectory()).isEqualTo(spoolDir.toAbsolutePath().normalize());
    }
}
