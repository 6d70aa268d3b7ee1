package dev.userpool.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The app's log in JSON while people sign up and sign in: every line is one JSON object, the lines of a
 * request carry its X-Request-Id, each use case says what it did and how it ended, and no password,
 * code or token is ever written.
 */
class JsonLogOfRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requestsAreLoggedAsJsonWithRequestIdUseCaseAndOutcome() throws Exception {
        List<String> lines = new ArrayList<>();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                synchronized (lines) {
                    lines.add(layout.doLayout(event));
                }
            }
        };
        capture.setContext(context);
        capture.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);

        String email = "json-log@example.com";
        String token;
        String code;
        try (RunningApp app = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(app.baseUrl());
            ApiClient.Response signUp = api.send(post(app, "/api/signup", "json-signup-1",
                    "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.PASSWORD + "\"}"));
            assertThat(signUp.status()).isEqualTo(201);
            code = api.latestCode(email);
            assertThat(api.post("/api/confirm", Map.of("email", email, "code", code)).status()).isEqualTo(200);
            ApiClient.Response wrong = api.send(post(app, "/api/signin", "json-signin-2",
                    "{\"email\":\"" + email + "\",\"password\":\"Wrong-Horse-9!\"}"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.raw().headers().firstValue("X-Request-Id")).contains("json-signin-2");
            token = api.accessToken(email);
        } finally {
            root.detachAppender(capture);
        }

        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).endsWith(System.lineSeparator());
            assertThat(line.strip()).doesNotContain("\n");
            JsonNode json = JSON.readTree(line);
            assertThat(json.isObject()).isTrue();
            for (String field : List.of("timestamp", "level", "logger", "thread", "message")) {
                assertThat(json.path(field).isTextual()).as(field + " in " + line).isTrue();
            }
            for (String secret : List.of(ApiClient.PASSWORD, "Wrong-Horse-9!", code, token)) {
                assertThat(line).as("a secret in the log").doesNotContain(secret);
            }
            parsed.add(json);
        }

        // the use case of the sign-up request, with its request id
        assertThat(parsed).anySatisfy(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo("json-signup-1");
            assertThat(line.path("useCase").asText()).isEqualTo("SIGN_UP");
            assertThat(line.path("outcome").asText()).isEqualTo("SUCCESS");
        });
        // a line the HTTP layer's MDC marked: the outbox's mail line, written while the sign-up ran
        assertThat(parsed).anySatisfy(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo("json-signup-1");
            assertThat(line.path("logger").asText()).doesNotEndWith("AuditLogLines");
        });
        assertThat(parsed).anySatisfy(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo("json-signin-2");
            assertThat(line.path("useCase").asText()).isEqualTo("SIGN_IN");
            assertThat(line.path("outcome").asText()).isEqualTo("FAILURE");
            assertThat(line.path("errorCode").asText()).isEqualTo("NotAuthorized");
            assertThat(line.path("message").asText()).isEqualTo("SIGN_IN FAILURE NotAuthorized");
        });
        // and nothing of a request leaks into lines written outside one
        assertThat(parsed).filteredOn(line -> line.path("message").asText().contains("listening"))
                .allSatisfy(line -> assertThat(line.has("requestId")).isFalse());
    }

    private static HttpRequest post(RunningApp app, String path, String requestId, String body) {
        return HttpRequest.newBuilder(app.url(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
