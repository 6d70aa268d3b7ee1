package dev.userpool.app.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.dynamodb.Dynalite;
import dev.userpool.ses.testing.SesV2Stub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica on DynamoDB (dynalite) and SES (the stub) tells on {@code /health} and {@code /metrics} what
 * waits in its own audit spool and how it paces SES (shared, through the audit table): nothing while DynamoDB answers; the waiting events
 * and the age of the oldest while it does not; nothing again once the spool is replayed.
 */
class ReplicaHealthIT {
    @TempDir
    Path work;

    @Test
    void healthAndMetricsShowTheSpoolBacklogThroughAnOutageAndThePacingMode() throws Exception {
        try (Dynalite dynalite = Dynalite.onDisk(work.resolve("dynalite")); SesV2Stub ses = SesV2Stub.start();
             RunningApp app = RunningApp.start(Map.of("USERPOOL_AUDIT", "dynamodb", "USERPOOL_DYNAMODB_TABLE", "audit",
                     "USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(), "USERPOOL_DYNAMODB_CREATE_TABLE", "true",
                     "USERPOOL_EMAIL", "ses", "USERPOOL_SES_FROM", "no-reply@auth.example.com",
                     "USERPOOL_SES_ENDPOINT", ses.endpoint().toString(), "USERPOOL_SES_RATE", "0.5",
                     "AWS_REGION", "eu-west-1"))) {
            ApiClient api = new ApiClient(app.baseUrl());
            JsonNode health = api.get("/health").json();
            assertThat(health.path("auditSpool").path("events").asLong(-1)).isZero();
            assertThat(health.path("auditSpool").path("oldestAgeSeconds").asLong(-1)).isZero();
            assertThat(health.path("sesPacing").path("mode").asText()).as("shared through the audit table").isEqualTo("shared");
            assertThat(health.path("sesPacing").path("ratePerSecond").asDouble()).isEqualTo(0.5);
            assertThat(api.get("/metrics").text()).contains("userpool_audit_spool_backlog 0.0",
                    "userpool_audit_spool_oldest_age_seconds 0.0", "userpool_ses_pacing{mode=\"shared\"} 1.0",
                    "userpool_ses_pacing{mode=\"local\"} 0.0", "userpool_ses_pacing{mode=\"fallback\"} 0.0",
                    "userpool_ses_pacing_rate 0.5", "userpool_audit_spool_backlog_bytes 0.0");

            dynalite.stop();
            Instant before = Instant.now();
            assertThat(api.signUp("outage@example.com").status()).isEqualTo(201);   // its events go to the spool
            Thread.sleep(1_100);   // so that the oldest has waited a second at least
            JsonNode during = api.get("/health").json();
            assertThat(during.path("status").asText()).isEqualTo("UP");
            long waiting = during.path("auditSpool").path("events").asLong();
            assertThat(waiting).as(during.toString()).isPositive();
            assertThat(during.path("auditSpool").path("oldestAgeSeconds").asLong())
                    .isBetween(1L, Duration.between(before, Instant.now()).toSeconds() + 1);
            String metrics = api.get("/metrics").text();
            assertThat(metrics).contains("userpool_audit_spool_backlog " + waiting + ".0");
            assertThat(metrics).doesNotContain("userpool_audit_spool_oldest_age_seconds 0.0");

            dynalite.start();   // same port, same data: the replay delivers the spool
            JsonNode after = awaitHealth(api, h -> h.path("auditSpool").path("events").asLong(-1) == 0);
            assertThat(after.path("auditSpool").path("oldestAgeSeconds").asLong(-1)).isZero();
            assertThat(api.get("/metrics").text()).contains("userpool_audit_spool_backlog 0.0");
        }
    }

    private static JsonNode awaitHealth(ApiClient api, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode health = api.get("/health").json();
        while (!condition.test(health)) {
            if (System.nanoTime() > deadline) throw new AssertionError("not reached within 40 s: " + health);
            Thread.sleep(200);
            health = api.get("/health").json();
        }
        return health;
    }
}
