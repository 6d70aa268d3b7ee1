package dev.userpool.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server process the tests start themselves (an emulator such as dynalite, cognito-local or
 * aws-ses-v2-local, or a second userpool), on a loopback port, stopped with its children afterwards.
 * Its output is kept so a test can read what it printed (cognito-local prints its codes).
 */
public final class LocalServer implements AutoCloseable {
    private static final int MAX_LINES = 20_000;

    private final String name;
    private final Process process;
    private final int port;
    private final List<String> output = new ArrayList<>();

    private LocalServer(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} in {@code workDir} and waits until something accepts connections on
     * 127.0.0.1:{@code port}; fails with the process's last output if it exits or the wait times out.
     */
    public static LocalServer start(String name, Path workDir, List<String> command, Map<String, String> env, int port,
                                    Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        LocalServer server;
        try {
            server = new LocalServer(name, builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
        server.awaitPort(timeout);
        return server;
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process printed so far. */
    public synchronized List<String> output() {
        return List.copyOf(output);
    }

    /** Stops the process and everything it started, and waits for it to end. */
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends the process at once with SIGKILL (what {@link Process#destroyForcibly} sends on Linux), as a
     * crash or an instance's loss would: no shutdown hook runs, nothing is flushed. Its children are left
     * alone; {@link #stop} still ends them.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not end within 10 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitPort(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening:\n" + tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        stop();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout + ":\n" + tail());
    }

    private synchronized String tail() {
        return String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()));
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (this) {
                    if (output.size() < MAX_LINES) output.add(line);
                }
            }
        } catch (IOException ended) {
            // the process is gone; what it printed is kept
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
