package dev.userpool.app.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.FuzzedApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Every REST route with what a caller can put in a request: the method and path with its query (limits,
 * cursors, time ranges, path parameters), a bearer token and a JSON body. Input: line 1
 * {@code METHOD /path?query}, line 2 the bearer token (placeholders of {@link FuzzedApp}), the rest the
 * body. Whatever it is, the answer is never a failure on our side and every error is problem+json.
 */
class RestApiFuzzTest {
    private static final Set<String> METHODS = Set.of("GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS");

    @FuzzTest
    void request(byte[] input) {
        FuzzedApp fuzzed = FuzzedApp.get();
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String[] line = parts[0].split(" ", 2);
        if (line.length < 2 || !METHODS.contains(line[0]) || !line[1].startsWith("/")) return;
        String bearer = parts.length > 1 ? fuzzed.withTokens(parts[1]) : "";
        String body = parts.length > 2 ? fuzzed.withTokens(parts[2]) : "";
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(fuzzed.app().baseUrl() + fuzzed.withTokens(line[1])))
                    .timeout(Duration.ofSeconds(30))
                    .method(line[0], body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (!body.isEmpty()) request.header("Content-Type", "application/json");
            if (!bearer.isBlank()) request.header("Authorization", "Bearer " + bearer);
        } catch (IllegalArgumentException notARequestAClientCanSend) {
            return;   // a path or header the HTTP client refuses to send: the black-box run covers raw requests
        }
        Response r = fuzzed.api().send(request.build());
        boolean cognito = line[1].equals("/") || line[1].startsWith("/?") || line[1].startsWith("/#");   // POST / is Cognito's API
        FuzzedApp.assertAnsweredWell(r, cognito && line[0].equals("POST") ? "application/x-amz-json-1.1" : "application/problem+json", parts[0]);
        if (r.status() < 300 && !line[0].equals("GET") && input.length > 0 && new String(input, StandardCharsets.UTF_8).contains("$")) {
            fuzzed.forgetTokens();
        }
    }
}
