package dev.userpool.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small JSON client for the API tests, with the steps every flow repeats. */
public final class ApiClient {
    public static final String PASSWORD = "Correct-Horse-9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public ApiClient(URI base) {
        this.base = base;
    }

    public record Response(int status, String contentType, String text, JsonNode json, HttpResponse<String> raw) {
        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, null);
    }

    public Response post(String path, Object body, String bearer) {
        return send("POST", path, body, bearer);
    }

    public Response get(String path, String bearer) {
        return send("GET", path, null, bearer);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path, String bearer) {
        return send("DELETE", path, null, bearer);
    }

    public Response send(String method, String path, Object body, String bearer) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (body != null) request.header("Content-Type", "application/json");
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Response(response.statusCode(), type, response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return base;
    }

    /** The 8-digit codes of the "Your sign-in code" mails (USER_AUTH's EMAIL_OTP) to this address, newest first. */
    public java.util.List<String> signInCodes(String email) {
        JsonNode messages = get("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json().path("messages");
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (JsonNode message : messages) {
            if (!message.path("subject").asText().equals("Your sign-in code")) continue;
            Matcher m = EIGHT_DIGITS.matcher(message.path("textBody").asText());
            if (m.find()) codes.add(m.group(1));
        }
        return codes;
    }

    /** The newest sign-in code mailed to this address; an AssertionError if there is none. */
    public String latestSignInCode(String email) {
        java.util.List<String> codes = signInCodes(email);
        if (codes.isEmpty()) throw new AssertionError("no sign-in code mailed to " + email);
        return codes.get(0);
    }

    /** The code in the newest message of the development mailbox for this address. */
    public String latestCode(String email) {
        JsonNode messages = get("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json().path("messages");
        for (JsonNode message : messages) {
            Matcher m = SIX_DIGITS.matcher(message.path("textBody").asText());
            if (m.find()) return m.group(1);
        }
        throw new AssertionError("no code in the mailbox of " + email + ": " + messages);
    }

    public Response signUp(String email) {
        return post("/api/signup", Map.of("email", email, "password", PASSWORD));
    }

    /** Signs up and confirms with the mailed code. */
    public void register(String email) {
        Response signUp = signUp(email);
        if (signUp.status() != 201) throw new AssertionError("sign-up failed: " + signUp.text());
        Response confirm = post("/api/confirm", Map.of("email", email, "code", latestCode(email)));
        if (confirm.status() != 200) throw new AssertionError("confirm failed: " + confirm.text());
    }

    public JsonNode signIn(String email, String password) {
        Response r = post("/api/signin", Map.of("email", email, "password", password));
        if (r.status() != 200) throw new AssertionError("sign-in failed: " + r.text());
        return r.json();
    }

    public String accessToken(String email) {
        return signIn(email, PASSWORD).path("accessToken").asText();
    }

    public Optional<JsonNode> firstMessage(String email) {
        JsonNode messages = get("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json().path("messages");
        return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(0));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
