package dev.userpool.app.localpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/cognito-js} with Node.js from the PATH, where the build's {@code npm ci}
 * installed the pinned amazon-cognito-identity-js. The script prints one JSON object on stdout.
 */
final class CognitoJs {
    static final Path DIRECTORY = Path.of("src", "cognito-js");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exitCode, JsonNode output, String stderr) {}

    private CognitoJs() {}

    static Run run(String script, Map<String, String> env) throws IOException, InterruptedException {
        Path library = DIRECTORY.resolve("node_modules").resolve("amazon-cognito-identity-js");
        if (!Files.isDirectory(library)) {
            throw new IllegalStateException(library.toAbsolutePath() + " is missing: the build installs it with `npm ci` in "
                    + DIRECTORY + " (mvn generate-resources)");
        }
        Path stderr = Files.createTempFile("cognito-js", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder("node", script).directory(DIRECTORY.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(env);
            Process node = builder.start();
            node.getOutputStream().close();
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(3, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new IllegalStateException(script + " did not finish in 3 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            JsonNode output = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return new Run(node.exitValue(), output, Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
