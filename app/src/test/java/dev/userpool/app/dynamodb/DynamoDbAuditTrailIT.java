package dev.userpool.app.dynamodb;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.dynamodb.Dynalite;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The app with {@code USERPOOL_AUDIT=dynamodb} on dynalite, driven through the HTTP API: a person's
 * register → confirm → sign in → wrong password → sign out leaves those events in DynamoDB, and an
 * admin reads them through {@code /api/admin/audit}; the trail outlives the app, whose audit threads
 * stop when it closes (that closing flushes what was accepted is shown in adapters-dynamodb).
 */
class DynamoDbAuditTrailIT {
    static final String ADMIN = "admin@example.com";
    static final String TABLE = "userpool-audit";

    @TempDir
    static Path work;
    static Dynalite dynalite;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.inMemory();
        dynamo = dynalite.client();
    }

    @AfterAll
    static void stopDynalite() {
        if (dynamo != null) dynamo.close();
        if (dynalite != null) dynalite.close();
    }

    private static Map<String, String> env(String dataDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "USERPOOL_AUDIT", "dynamodb",
                "USERPOOL_DYNAMODB_TABLE", TABLE,
                "USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                "USERPOOL_DYNAMODB_CREATE_TABLE", "true",
                "AWS_REGION", "us-east-1",
                "USERPOOL_ADMIN_EMAILS", ADMIN,
                "USERPOOL_DATA_DIR", work.resolve(dataDir).toString()));
        env.putAll(extra);
        return env;
    }

    private static List<JsonNode> events(Response audit) {
        assertThat(audit.status()).as(audit.text()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        audit.json().path("events").forEach(events::add);
        return events;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    private static QueryResponse itemsOf(String userId) {
        return dynamo.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId))));
    }

    @Test
    void aFullRunLeavesItsEventsInDynamoDbReadableThroughTheAdminApi() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (RunningApp app = RunningApp.start(env("flow", Map.of()))) {
            ApiClient api = new ApiClient(app.baseUrl());
            api.register(ADMIN);
            String email = "rider@example.com";

            Response signUp = api.signUp(email);
            assertThat(signUp.status()).isEqualTo(201);
            String userId = signUp.json().path("userId").asText();
            assertThat(api.post("/api/confirm", Map.of("email", email, "code", api.latestCode(email))).status()).isEqualTo(200);
            String accessToken = api.signIn(email, PASSWORD).path("accessToken").asText();
            Response wrong = api.post("/api/signin", Map.of("email", email, "password", "Wrong-Password-1"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(api.post("/api/signout", null, accessToken).status()).isEqualTo(204);

            String admin = api.accessToken(ADMIN);
            List<JsonNode> trail = events(api.get("/api/admin/audit?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), admin));
            assertThat(types(trail)).containsExactly("SIGN_OUT", "SIGN_IN", "SIGN_IN", "SIGN_UP_CONFIRMED", "SIGN_UP");
            assertThat(trail).allSatisfy(e -> assertThat(e.path("email").asText()).isEqualTo(email));
            assertThat(trail.get(0).path("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(trail.get(1).path("outcome").asText()).isEqualTo("FAILURE");
            assertThat(trail.get(1).path("errorCode").asText()).isEqualTo("NotAuthorized");
            assertThat(trail.get(2).path("outcome").asText()).isEqualTo("SUCCESS");
            assertThat(trail.get(3).path("method").asText()).isEqualTo("CODE");
            assertThat(trail.get(1).path("context").path("sourceIp").asText()).isNotBlank();

            // they are in DynamoDB, under the account's id, and hold no secret
            QueryResponse items = itemsOf(userId);
            assertThat(items.count()).isEqualTo(5);
            assertThat(items.items().toString()).doesNotContain(PASSWORD, "Wrong-Password-1", accessToken);

            // the time range across users, paged with the cursor, newest first
            String range = "/api/admin/audit?from=" + before + "&to=" + Instant.now().plusSeconds(1) + "&limit=3";
            List<JsonNode> all = new ArrayList<>();
            Response page = api.get(range, admin);
            all.addAll(events(page));
            while (!page.json().path("nextCursor").isNull() && !page.json().path("nextCursor").asText().isEmpty()) {
                page = api.get(range + "&cursor=" + page.json().path("nextCursor").asText(), admin);
                all.addAll(events(page));
            }
            List<String> riderTypes = all.stream().filter(e -> e.path("email").asText().equals(email))
                    .map(e -> e.path("type").asText()).toList();
            assertThat(riderTypes).containsExactly("SIGN_OUT", "SIGN_IN", "SIGN_IN", "SIGN_UP_CONFIRMED", "SIGN_UP");
            List<String> times = all.stream().map(e -> e.path("occurredAt").asText()).toList();
            assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
            assertThat(all.stream().map(e -> e.path("email").asText())).contains(ADMIN);

            assertThat(segmentsIn(app.dataDir().resolve("audit-spool"))).as("nothing waits in the spool").isZero();
            assertThat(api.get("/metrics").text()).contains("userpool_audit_spool_backlog_bytes 0.0",
                    "userpool_audit_events_written_total");
        }
    }

    @Test
    void theTrailOutlivesTheAppWhoseAuditThreadsStopWhenItCloses() {
        String email = "commuter@example.com";
        String userId;
        try (RunningApp app = RunningApp.start(env("restart", Map.of()))) {
            ApiClient api = new ApiClient(app.baseUrl());
            Response signUp = api.signUp(email);
            userId = signUp.json().path("userId").asText();
            api.post("/api/resend-code", Map.of("email", email));
            api.post("/api/confirm", Map.of("email", email, "code", api.latestCode(email)));
        }
        assertThat(itemsOf(userId).count()).as("in DynamoDB once the app has closed").isGreaterThanOrEqualTo(3);
        assertThat(liveAuditThreads()).as("the audit log's threads stopped").isEmpty();

        try (RunningApp again = RunningApp.start(env("restart", Map.of("USERPOOL_ADMIN_EMAILS", email)))) {
            ApiClient api = new ApiClient(again.baseUrl());
            String token = api.accessToken(email);
            List<JsonNode> trail = events(api.get("/api/admin/audit?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), token));
            assertThat(types(trail)).startsWith("SIGN_IN").endsWith("SIGN_UP_CONFIRMED", "CONFIRMATION_CODE_SENT", "SIGN_UP");
        }
    }

    @Test
    void withoutTableCreationAMissingTableStopsStartUpSayingWhatIsWrong() {
        assertThatThrownBy(() -> RunningApp.start(env("missing", Map.of("USERPOOL_DYNAMODB_TABLE", "no-such-table",
                "USERPOOL_DYNAMODB_CREATE_TABLE", "false"))))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("'no-such-table'", "does not exist", "USERPOOL_DYNAMODB_CREATE_TABLE=true");
                });
    }

    private static long segmentsIn(Path spool) {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> liveAuditThreads() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<String> alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(n -> n.startsWith("userpool-audit-")).toList();
            if (alive.isEmpty() || System.nanoTime() > deadline) return alive;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
    }
}
