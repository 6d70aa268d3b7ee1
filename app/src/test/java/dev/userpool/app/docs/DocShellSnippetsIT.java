package dev.userpool.app.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.userpool.core.testing.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shell block marked {@code <!-- runnable -->} in README.md and docs/*.md runs, as written, with
 * {@code bash -euo pipefail}: the blocks of one file in order, against one app the test started from the
 * built jar on a free loopback port. A block finds {@code BASE} (the app's URL), {@code USERPOOL_DATA_DIR}
 * (the app's data, for the command line) and {@code app/target/userpool.jar} in its working directory,
 * so the README's {@code java -jar app/target/userpool.jar …} works unchanged.
 */
class DocShellSnippetsIT {
    static final Duration SNIPPET_TIMEOUT = Duration.ofMinutes(2);
    private static final Path JAR = Path.of("target", "userpool.jar").toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everyRunnableShellSnippetRuns() {
        Map<Path, List<DocSnippets.Snippet>> byFile = DocSnippets.marked("sh").stream()
                .collect(Collectors.groupingBy(DocSnippets.Snippet::file, LinkedHashMap::new, Collectors.toList()));
        assertFalse(byFile.isEmpty(), "no shell snippet is marked <!-- runnable --> in the docs");
        return byFile.entrySet().stream().map(e -> DynamicTest.dynamicTest(DocFiles.name(e.getKey()), () -> runAll(e.getValue())));
    }

    @Test
    void aFailingSnippetIsReportedWithItsOutput() {
        Result result = run("echo before\nfalse\necho after\n", tempDir(), Map.of());
        assertEquals(1, result.exitCode());
        assertEquals("before\n", result.output());
        assertTrue(run("echo $UNSET_VARIABLE\n", tempDir(), Map.of()).exitCode() != 0, "-u: an unset variable fails");
    }

    private static void runAll(List<DocSnippets.Snippet> snippets) {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR + " is missing: run mvn package first");
        Path work = tempDir();
        Path data = work.resolve("data");
        try {
            Files.createDirectories(work.resolve("app/target"));
            Files.createSymbolicLink(work.resolve("app/target/userpool.jar"), JAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = LocalServer.freePort();
        String base = "http://127.0.0.1:" + port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> serverEnv = Map.of("USERPOOL_PORT", Integer.toString(port), "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_BASE_URL", base, "USERPOOL_DATA_DIR", data.toString());
        try (LocalServer server = LocalServer.start("userpool-docs", work, List.of(java, "-jar", JAR.toString()), serverEnv, port,
                Duration.ofSeconds(60))) {
            for (DocSnippets.Snippet snippet : snippets) {
                Result result = run(snippet.block().text(), work, Map.of("BASE", base, "USERPOOL_DATA_DIR", data.toString()));
                if (result.exitCode() == 127 && !"true".equals(System.getenv("CI"))) {
                    Assumptions.abort(snippet.where() + " needs a command this machine lacks (CI must have it):\n" + result.output());
                }
                if (result.exitCode() != 0) {
                    List<String> log = server.output();
                    fail(snippet.where() + " exited with " + result.exitCode() + ":\n" + snippet.block().text()
                            + "--- its output:\n" + result.output() + "--- the app's last lines:\n"
                            + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
                }
            }
        }
    }

    record Result(int exitCode, String output) {}

    /** Runs {@code script} with bash -euo pipefail in {@code work}; no USERPOOL_* of this JVM's leaks in. */
    static Result run(String script, Path work, Map<String, String> env) {
        try {
            Path file = Files.writeString(Files.createTempFile(work, "snippet-", ".sh"), script);
            Path output = Files.createTempFile(work, "snippet-", ".out");
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", file.toString()).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(k -> k.startsWith("USERPOOL_"));
            environment.putAll(new HashMap<>(env));
            Process process = builder.start();
            if (!process.waitFor(SNIPPET_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, Files.readString(output) + "\n(killed after " + SNIPPET_TIMEOUT + ")\n");
            }
            return new Result(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("userpool-docs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
