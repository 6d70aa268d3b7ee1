package dev.userpool.app.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A CLI command of the built jar in a process of its own, as an operator runs it, with only the environment given. */
final class JarCommand {
    static final Path JAR = Path.of("target", "userpool.jar");

    private JarCommand() {}

    record Run(int exit, String out, String err) {}

    /** A running command and the files its output goes to. */
    record Launched(Process process, Path out, Path err) {
        Run finish() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the command did not finish: " + read(err));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return new Run(process.exitValue(), read(out), read(err));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the command; its output goes to files in {@code dir}. */
    static Launched launch(Path dir, Map<String, String> env, String... args) {
        if (!Files.isRegularFile(JAR)) throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // nothing of this machine's AWS or userpool set-up may leak into the run
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("USERPOOL_"));
        builder.environment().putAll(env);
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            return new Launched(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run run(Path dir, Map<String, String> env, String... args) {
        return launch(dir, env, args).finish();
    }
}
