package dev.userpool.app.wiring;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.Settings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A test component swaps the edges for fakes and keeps the production core and HTTP modules. */
class FakeEdgeComponentTest {
    @TempDir
    Path dataDir;

    FakeEdgeComponent component;
    ApiClient api;

    @BeforeEach
    void start() {
        Settings settings = Settings.from(Map.of("USERPOOL_DATA_DIR", dataDir.toString(), "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_ADMIN_EMAILS", "admin@example.com"));
        component = DaggerFakeEdgeComponent.factory().create(settings, MutableClock.at("2026-01-01T00:00:00Z"));
        int port = component.server().start("127.0.0.1", 0);
        api = new ApiClient(URI.create("http://127.0.0.1:" + port));
    }

    @AfterEach
    void stop() {
        component.server().stop();
        component.close();
    }

    @Test
    void theWholeFlowRunsOnFakeEdges() {
        String email = "fake@example.com";
        assertThat(api.signUp(email).status()).isEqualTo(201);
        String code = component.directory().lastCodeSentTo(new EmailAddress(email)).orElseThrow();
        assertThat(api.post("/api/confirm", Map.of("email", email, "code", code)).status()).isEqualTo(200);
        String idToken = api.signIn(email, PASSWORD).path("idToken").asText();
        Response me = api.get("/api/me", idToken);
        assertThat(me.json().path("email").asText()).isEqualTo(email);
        assertThat(component.auditLog().all()).extracting(AuditEvent::type).extracting(Enum::name)
                .containsExactly("SIGN_UP", "SIGN_UP_CONFIRMED", "SIGN_IN");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SERVICE_UNAVAILABLE,503,ServiceUnavailable", "TOO_MANY_REQUESTS,429,TooManyRequests",
            "TOO_MANY_FAILED_ATTEMPTS,429,TooManyFailedAttempts", "LIMIT_EXCEEDED,429,LimitExceeded"})
    void aFailingBackingServiceGetsItsStatusAndIsAudited(ErrorCode failure, int status, String code) {
        component.failures().failWith(failure);
        Response r = api.signUp("unlucky@example.com");
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.contentType()).startsWith("application/problem+json");
        AuditEvent event = component.auditLog().all().get(0);
        assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.errorCode()).contains(failure);

        component.failures().recover();
        assertThat(api.signUp("unlucky@example.com").status()).isEqualTo(201);
    }

    /**
     * Issue 18: an Error (here a StackOverflowError, as the ListUsers filter's regular expression threw)
     * used to escape the exception handlers, which take Exceptions only, and Javalin answered 500 with an
     * empty text body. Now it is a problem like any other failure on our side, with the request id.
     */
    @Test
    void anErrorDeepInsideIsAnsweredAsAProblemWithTheRequestId() {
        component.failures().failWith(new StackOverflowError("deep inside"));
        Response r = api.signUp("overflow@example.com");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(r.json().path("requestId").asText()).isNotBlank()
                .isEqualTo(r.raw().headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(r.text()).doesNotContain("deep inside").doesNotContain("StackOverflowError");

        component.failures().recover();
        assertThat(api.signUp("overflow@example.com").status()).isEqualTo(201);
    }

    @Test
    void withoutTheEmbeddedPoolTheLocalRoutesSayWhy() {
        Response mailbox = api.get("/api/dev/mailbox?to=a@example.com");
        assertThat(mailbox.status()).isEqualTo(404);
        assertThat(mailbox.json().path("detail").asText()).contains("embedded");
        assertThat(api.get("/.well-known/jwks.json").status()).isEqualTo(404);
    }
}
