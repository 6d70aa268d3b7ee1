package dev.userpool.cognito.srp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official Cognito JavaScript client ({@code amazon-cognito-identity-js}, pinned in
 * {@code src/test/srp-reference/package-lock.json} and installed there by the build's {@code npm ci}),
 * run through {@code srp-reference.js} with Node.js from the PATH, on a batch of inputs at once.
 */
final class JavaScriptReferenceClient {
    static final Path DIRECTORY = Path.of("src", "test", "srp-reference");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The inputs of one sign-in; {@code challengeUsername} is the challenge's USERNAME. */
    record Case(String poolId, String userIdForSrp, String username, String challengeUsername, String password,
                BigInteger a, String srpB, String salt, String secretBlock, Instant at) {}

    /** What the reference computed, or {@code error} when it refused the inputs. */
    record Result(Optional<String> error, String srpA, BigInteger bigA, BigInteger u, BigInteger x, BigInteger s,
                  String keyHex, String timestamp, String signature, Map<String, String> challengeResponses) {}

    private JavaScriptReferenceClient() {}

    static List<Result> run(List<Case> cases) throws IOException, InterruptedException {
        Path library = DIRECTORY.resolve("node_modules").resolve("amazon-cognito-identity-js");
        if (!Files.isDirectory(library)) {
            throw new IllegalStateException(library.toAbsolutePath() + " is missing: the build installs it with `npm ci` in "
                    + DIRECTORY + " (mvn generate-test-resources)");
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Case c : cases) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("poolId", c.poolId());
            input.put("userIdForSrp", c.userIdForSrp());
            input.put("username", c.username());
            input.put("challengeUsername", c.challengeUsername());
            input.put("password", c.password());
            input.put("a", c.a().toString(16));
            input.put("srpB", c.srpB());
            input.put("salt", c.salt());
            input.put("secretBlock", c.secretBlock());
            input.put("epochMillis", c.at().toEpochMilli());
            inputs.add(input);
        }
        Path stderr = Files.createTempFile("srp-reference", ".stderr");
        try {
            Process node = new ProcessBuilder("node", "srp-reference.js")
                    .directory(DIRECTORY.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(Map.of("cases", inputs)));
            }
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(5, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new IllegalStateException("srp-reference.js did not finish in 5 minutes");
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("srp-reference.js failed (exit " + node.exitValue() + "): "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            List<Result> results = new ArrayList<>();
            for (JsonNode r : JSON.readTree(out).path("results")) results.add(result(r));
            if (results.size() != cases.size()) {
                throw new IllegalStateException("srp-reference.js answered " + results.size() + " of " + cases.size() + " cases");
            }
            return results;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static Result result(JsonNode r) {
        if (r.hasNonNull("error")) {
            return new Result(Optional.of(r.get("error").asText()), null, null, null, null, null, null, null, null, Map.of());
        }
        Map<String, String> responses = new LinkedHashMap<>();
        r.path("challengeResponses").properties().forEach(e -> responses.put(e.getKey(), e.getValue().asText()));
        return new Result(Optional.empty(), r.get("srpA").asText(), hex(r, "A"), hex(r, "u"), hex(r, "x"), hex(r, "S"),
                r.get("key").asText(), r.get("timestamp").asText(), r.get("signature").asText(), responses);
    }

    private static BigInteger hex(JsonNode r, String field) {
        return new BigInteger(r.get(field).asText(), 16);
    }
}
