package dev.userpool.app.localpool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS CLI ({@code aws}, Debian's awscli package, which .ci/run installs) pointed at the local pool
 * with {@code --endpoint-url}, in a clean environment: dummy credentials (admin calls are signed, as
 * always; the local pool does not check signatures), no profile, no pager, JSON output. Absent, the
 * tests that need it are skipped locally and fail under {@code CI=true}.
 */
final class AwsCli {
    static final String SKIPPED = "AWS CLI test skipped: install the AWS CLI with `apt-get install awscli`";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("the AWS CLI printed no JSON: " + stdout, e);
            }
        }
    }

    private final Path executable;
    private final URI endpoint;
    private final Path home;

    private AwsCli(Path executable, URI endpoint, Path home) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.home = home;
    }

    /** The CLI on the PATH for {@code endpoint}; skips the test (locally) or fails it (CI=true) when there is none. */
    static AwsCli require(URI endpoint, Path home) {
        Optional<Path> aws = onPath("aws");
        if (aws.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) Assertions.fail("The AWS CLI test needs `aws` on the PATH: apt-get install awscli");
            Assumptions.abort(SKIPPED);
        }
        return new AwsCli(aws.get(), endpoint, home);
    }

    /** {@code aws cognito-idp <operation> <arguments…> --endpoint-url … --output json}. */
    Result cognitoIdp(String operation, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "cognito-idp", operation));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_CLI_AUTO_PROMPT", "off");
        env.put("HOME", home.toString());
        Path out = Files.createTempFile(home, "aws", ".out");
        Path err = Files.createTempFile(home, "aws", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("aws cognito-idp " + operation + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
