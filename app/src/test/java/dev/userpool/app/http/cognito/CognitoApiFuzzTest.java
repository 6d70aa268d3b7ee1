package dev.userpool.app.http.cognito;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.FuzzedApp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Cognito's JSON API on {@code POST /}: the request body and each operation's parameters. Input: line 1
 * the operation ({@code X-Amz-Target}), the rest the JSON body (placeholders of {@link FuzzedApp} for
 * tokens). Whatever it is, the answer is never a failure on our side ({@code InternalErrorException},
 * which SDKs retry) and every error is Cognito's {@code __type} shape.
 */
class CognitoApiFuzzTest {
    @FuzzTest
    void operation(byte[] input) {
        FuzzedApp fuzzed = FuzzedApp.get();
        String text = new String(input, StandardCharsets.UTF_8);
        String[] parts = text.split("\n", 2);
        String operation = parts[0];
        String body = parts.length > 1 ? fuzzed.withTokens(parts[1]) : "";
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(fuzzed.app().url("/")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", CognitoApi.CONTENT_TYPE)
                    .header("X-Amz-Target", CognitoApi.TARGET_PREFIX + operation)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException notAHeaderValue) {
            return;
        }
        Response r = fuzzed.api().send(request);
        FuzzedApp.assertAnsweredWell(r, CognitoApi.CONTENT_TYPE, operation);
        if (r.status() >= 400) {
            org.assertj.core.api.Assertions.assertThat(r.json().path("__type").asText()).as(r.text()).endsWith("Exception");
        } else if (text.contains("$") && (operation.startsWith("Admin") || operation.equals("GlobalSignOut")
                || operation.equals("RevokeToken") || operation.equals("ChangePassword") || operation.equals("DeleteUser"))) {
            fuzzed.forgetTokens();
        }
    }
}
