package dev.userpool.dynamodb;

import dev.userpool.core.event.AuditEvent;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

/**
 * The child JVM of {@link CrashIT}: records events from several threads as fast as it can, against a
 * DynamoDB that is unreachable every other 300 ms (so that the spool is in use), and prints
 * {@code OK <eventId>} after each {@code record} returns. It runs until it is killed (at most a minute).
 *
 * <p>Arguments: endpoint, table, spool directory, number of recording threads.
 */
public final class RecordingProcess {
    private static final long WINDOW_NANOS = Duration.ofMillis(300).toNanos();

    /** Unreachable in every other window of time, like a flapping network. */
    private static final class Flapping extends DelegatingDynamoDb {
        Flapping(URI endpoint) {
            super(Dynalite.client(endpoint));
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            if ((System.nanoTime() / WINDOW_NANOS) % 2 == 1) throw SdkClientException.create("Connection refused (simulated)");
            return real.batchWriteItem(request);
        }
    }

    private RecordingProcess() {}

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String table = args[1];
        Path spool = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        AuditLogOptions options = AuditLogOptions.defaults(table, spool)
                .withWriteRetries(2, Duration.ofMillis(2), Duration.ofMillis(10))
                .withReplayBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        DynamoDbAuditLog log = new DynamoDbAuditLog(new Flapping(endpoint), options, Clock.systemUTC());
        Instant base = Instant.parse("2030-09-01T00:00:00Z");
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = "crash-user-" + t;
            Thread recorder = new Thread(() -> {
                for (int i = 0; ; i++) {
                    AuditEvent e = AuditEvents.signIn(user, base.plusMillis(i));
                    log.record(e);
                    synchronized (out) {
                        out.println("OK " + e.eventId());
                        out.flush();
                    }
                }
            });
            recorder.setDaemon(true);
            recorder.start();
            recorders.add(recorder);
        }
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < end) {
            DeliveryStatistics s = log.statistics();
            synchronized (out) {
                out.println("STATS spooled=" + s.eventsSpooled() + " replayed=" + s.eventsReplayed());
                out.flush();
            }
            Thread.sleep(100);
        }
        log.close();
    }
}
