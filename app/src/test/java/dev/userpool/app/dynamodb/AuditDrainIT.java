package dev.userpool.app.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.dynamodb.AuditTable;
import dev.userpool.dynamodb.DeadReplicaSpool;
import dev.userpool.dynamodb.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code userpool audit drain --spool DIR} from the built jar, twice at once in two processes, on the
 * spool a dead replica left, against dynalite: both end without an error, every event is in the table
 * exactly once (what one drain delivered the other did not), and the spool is empty.
 */
class AuditDrainIT {
    static final Path JAR = Path.of("target", "userpool.jar");
    static final String TABLE = "userpool-audit";
    static final Pattern DONE = Pattern.compile("Done: (\\d+) delivered, (\\d+) already present, (\\d+) failed; (\\d+) segment");

    @TempDir
    Path tmp;

    @Test
    void twoDrainProcessesAtOnceDeliverEveryEventOnceAndEmptyTheSpool() throws Exception {
        assertThat(JAR).as("run mvn package first").isRegularFile();
        Path spool = tmp.resolve("replica-3-spool");
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        Set<String> written = new HashSet<>();
        for (int segment = 0; segment < 12; segment++) {
            DeadReplicaSpool.leave(spool, 100, at.plusSeconds(segment)).forEach(id -> written.add(id.toString()));
        }
        try (Dynalite dynalite = Dynalite.inMemory(); DynamoDbClient dynamo = dynalite.client()) {
            new AuditTable(dynamo, TABLE).createIfMissing(Duration.ofSeconds(30));
            Map<String, String> env = Map.of("USERPOOL_DYNAMODB_TABLE", TABLE,
                    "USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(), "AWS_REGION", "us-east-1",
                    "USERPOOL_DATA_DIR", tmp.resolve("data").toString());

            Process first = drain(spool, env, tmp.resolve("first.txt"));
            Process second = drain(spool, env, tmp.resolve("second.txt"));
            String one = finish(first, tmp.resolve("first.txt"));
            String two = finish(second, tmp.resolve("second.txt"));

            assertThat(one).contains("Draining the audit spool " + spool);
            long[] a = done(one);
            long[] b = done(two);
            assertThat(a[0] + b[0]).as("delivered, in all\n" + one + "\n" + two).isEqualTo(1200);
            assertThat(a[1] + b[1]).as("already present").isZero();
            assertThat(a[2] + b[2]).as("failed").isZero();
            assertThat(a[3] + b[3]).as("segments").isEqualTo(12);
            assertThat(eventIds(dynamo)).doesNotHaveDuplicates().hasSize(1200).containsExactlyInAnyOrderElementsOf(written);
        }
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left.toList()).as("the spool is empty").isEmpty();
        }
    }

    private static Process drain(Path spool, Map<String, String> env, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toAbsolutePath().toString(), "audit", "drain",
                "--spool", spool.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String finish(Process process, Path output) throws Exception {
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();
        String text = Files.readString(output);
        assertThat(ended).as("ended within 120 s:\n" + text).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    /** delivered, already present, failed, segments, from the final line. */
    private static long[] done(String output) {
        Matcher m = DONE.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }

    private static List<String> eventIds(DynamoDbClient dynamo) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(TABLE);
            if (start != null) scan.exclusiveStartKey(start);
            var page = dynamo.scan(scan.build());
            page.items().forEach(item -> ids.add(item.get("eventId").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }
}
