package dev.userpool.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A process recording under load is killed (SIGKILL) at a random moment; after a restart on the same
 * spool directory every event whose {@code record} had returned is in the table, once.
 */
class CrashIT {
    private static final Logger LOG = LoggerFactory.getLogger(CrashIT.class);
    private static final int THREADS = 6;

    @TempDir
    Path spool;

    @Test
    void everyEventWhoseRecordReturnedSurvivesAKill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (Dynalite dynalite = Dynalite.inMemory(); DynamoDbClient client = dynalite.client()) {
            new AuditTable(client, "audit").createIfMissing(Duration.ofSeconds(30));

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong childSpooled = new AtomicLong();
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    RecordingProcess.class.getName(), dynalite.endpoint().toString(), "audit", spool.toString(),
                    Integer.toString(THREADS)).redirectErrorStream(true).start();
            Thread reader = new Thread(() -> read(child, acknowledged, childSpooled));
            reader.start();
            try {
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(acknowledged).hasSizeGreaterThan(300));
                long killAfter = random.nextInt(1_500);
                Thread.sleep(killAfter);
                child.destroyForcibly();   // SIGKILL: no shutdown hook, no flush, no close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(10_000);
                LOG.info("crash test: seed {}, killed {} ms after 300 events; {} acknowledged, {} spooled by the child",
                        seed, killAfter, acknowledged.size(), childSpooled.get());
            } finally {
                child.destroyForcibly();
            }
            assertThat(childSpooled.get()).as("the spool was in use under load (seed %d)", seed).isPositive();

            try (DynamoDbAuditLog restarted = new DynamoDbAuditLog(client, AuditLogOptions.defaults("audit", spool)
                    .withReplayBackoff(Duration.ofMillis(20), Duration.ofMillis(200)), Clock.systemUTC())) {
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(segments()).isZero());

                List<String> stored = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) stored.addAll(idsOf(restarted, "crash-user-" + t));
                assertThat(new HashSet<>(stored)).as("no event twice (seed %d)", seed).hasSize(stored.size());
                assertThat(stored).as("every acknowledged event (seed %d)", seed).containsAll(acknowledged);
                LOG.info("crash test: the restarted log replayed {} events", restarted.statistics().eventsReplayed());
            }
        }
    }

    private static void read(Process child, Set<String> acknowledged, AtomicLong spooled) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("OK ")) {
                    acknowledged.add(line.substring(3).strip());
                } else if (line.startsWith("STATS spooled=")) {
                    spooled.set(Long.parseLong(line.substring("STATS spooled=".length()).split(" ")[0]));
                }
            }
        } catch (IOException killed) {
            // the pipe closed with the process
        }
    }

    private static List<String> idsOf(DynamoDbAuditLog log, String user) {
        List<String> ids = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<AuditEvent> page = log.bySubject(user, request);
            page.items().forEach(e -> ids.add(e.eventId().toString()));
            if (page.nextCursor().isEmpty()) return ids;
            request = new PageRequest(PageRequest.MAX_LIMIT, page.nextCursor());
        }
    }

    private long segments() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(Spool.SEGMENT_SUFFIX)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
