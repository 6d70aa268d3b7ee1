package dev.userpool.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as an operator gets it: unpacked into an empty folder, started through a symbolic link
 * to {@code bin/userpool} with an environment that has no {@code java} on its {@code PATH} and no
 * {@code JAVA_HOME}, it serves {@code /health} from a JVM whose executable is the bundled runtime's, in
 * one process (the app does not start itself again), and passes the other commands to the app.
 */
class DistributionIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    static Path work;

    private static Path home;
    private static Path launcher;
    private static Path dataDir;
    private static Process service;
    private static Path serviceLog;
    private static int port;

    @BeforeAll
    static void unpackAndStart() throws Exception {
        Path tarball = Path.of(System.getProperty("dist.tarball"));
        assertThat(tarball).isRegularFile();
        Path unpacked = Files.createDirectories(work.resolve("opt"));
        Result untar = run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), Map.of("PATH", System.getenv("PATH")));
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        home = unpacked.resolve(System.getProperty("dist.name")).toRealPath();
        assertThat(home.resolve("bin/userpool")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("lib/userpool.jar")).isRegularFile();
        try (var entries = Files.walk(home)) {
            assertThat(entries.filter(p -> !Files.isSymbolicLink(p)).filter(p -> !readableByOthers(p)).toList())
                    .as("files the service's account (not the unpacking one) could not read").isEmpty();
        }

        // started as `userpool` from another folder, through a relative link, as with /usr/local/bin/userpool
        Path links = Files.createDirectories(work.resolve("links"));
        launcher = Files.createSymbolicLink(links.resolve("userpool"), links.relativize(home.resolve("bin/userpool")));
        dataDir = work.resolve("data");
        port = freePort();
        serviceLog = work.resolve("service.log");
        ProcessBuilder serve = new ProcessBuilder(launcher.toString(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(serviceLog.toFile());
        serve.environment().clear();
        serve.environment().putAll(environment());
        service = serve.start();
        awaitHealth();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service == null) return;
        service.descendants().forEach(ProcessHandle::destroyForcibly);
        service.destroy();
        if (!service.waitFor(20, TimeUnit.SECONDS)) service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void theServingProcessRunsTheBundledRuntimeInOneJvmWithTheServiceFlags() throws Exception {
        long listening = listeningProcess(port).orElseThrow(() -> new AssertionError("nobody listens on " + port));
        assertThat(listening).as("the launcher execs the JVM: the process started is the one listening").isEqualTo(service.pid());
        Path exe = Path.of("/proc/" + listening + "/exe").toRealPath();
        assertThat(exe).as("the serving process's executable").startsWith(home).isEqualTo(home.resolve("runtime/bin/java"));
        assertThat(service.descendants().count()).as("no second JVM: the app did not start itself again").isZero();

        List<String> command = commandLine(listening);
        assertThat(command).containsSubsequence(serviceFlags());
        assertThat(command).containsSubsequence("-jar", home.resolve("lib/userpool.jar").toString(), "serve");
        assertThat(Files.readString(serviceLog)).contains("userpool is listening on");
    }

    @Test
    void commandsPassThroughToTheApp() throws Exception {
        Result help = run(List.of(launcher.toString(), "help", "users"), environment());
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: userpool users", "list", "confirm");

        String email = "dist-" + System.nanoTime() + "@example.com";
        HttpResponse<String> signUp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"Correct-Horse-9\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        Result list = run(List.of(launcher.toString(), "users", "list"), environment());
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).containsPattern(email.replace(".", "\\.") + "\\s+\\S+\\s+UNCONFIRMED");

        Path archive = work.resolve("backup.zip");
        Result backup = run(List.of(launcher.toString(), "backup", "--to", archive.toString()), environment());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("integrity ok (SQLite online backup)", "Wrote " + archive);
        Path restored = work.resolve("restored");
        Result restore = run(List.of(launcher.toString(), "restore", "--from", archive.toString(), "--data-dir", restored.toString()),
                environment());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restored.resolve("userpool.db")).isRegularFile();

        Result wrong = run(List.of(launcher.toString(), "users", "remove", "x@example.com"), environment());
        assertThat(wrong.exitCode()).as("an unknown command is the app's usage error").isNotZero();
        assertThat(wrong.output()).contains("Unmatched argument");
    }

    @Test
    void theDockerfilesHealthCheckPassesOnTheServiceAndFailsWithoutIt() throws Exception {
        String check = DockerfileIT.healthCheckScript();
        Path bash = systemTool("bash");
        Result healthy = run(List.of(bash.toString(), "-c", check), Map.of("PATH", "/usr/bin:/bin", "USERPOOL_PORT", Integer.toString(port)));
        assertThat(healthy.exitCode()).as(healthy.output()).isZero();
        Result nobody = run(List.of(bash.toString(), "-c", check), Map.of("PATH", "/usr/bin:/bin", "USERPOOL_PORT", Integer.toString(freePort())));
        assertThat(nobody.exitCode()).isNotZero();
    }

    /** No java on PATH, no JAVA_HOME: a folder holding only the tools the launcher uses. */
    private static Map<String, String> environment() throws IOException {
        Path tools = work.resolve("path");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("sh", "readlink")) {
                Files.createSymbolicLink(tools.resolve(tool), systemTool(tool));
            }
            Files.createDirectories(work.resolve("home"));
        }
        assertThat(tools.resolve("java")).doesNotExist();
        return Map.of("PATH", tools.toString(), "HOME", work.resolve("home").toString(),
                "USERPOOL_PORT", Integer.toString(port), "USERPOOL_BIND", "127.0.0.1",
                "USERPOOL_DATA_DIR", dataDir.toString(), "USERPOOL_HASH_CONCURRENCY", "1");
    }

    private static boolean readableByOthers(Path p) {
        try {
            var permissions = Files.getPosixFilePermissions(p);
            return permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    && !permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)
                    && (!Files.isDirectory(p) || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path systemTool(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new AssertionError("no " + name + " in /usr/bin or /bin");
    }

    /** ServiceJvm.FLAGS, read from the app's jar in the distribution, so the launcher cannot drift from them. */
    @SuppressWarnings("unchecked")
    private List<String> serviceFlags() throws Exception {
        try (URLClassLoader app = new URLClassLoader(new URL[] {home.resolve("lib/userpool.jar").toUri().toURL()}, null)) {
            Field flags = app.loadClass("dev.userpool.app.launch.ServiceJvm").getDeclaredField("FLAGS");
            flags.setAccessible(true);
            List<String> values = (List<String>) flags.get(null);
            assertThat(values).isNotEmpty();
            return List.copyOf(values);
        }
    }

    private static void awaitHealth() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(end)) {
            if (!service.isAlive()) {
                throw new AssertionError("bin/userpool serve ended with " + service.exitValue() + ":\n" + Files.readString(serviceLog));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(url("/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no /health 200 within " + START_TIMEOUT + ":\n" + Files.readString(serviceLog));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The process holding the listening TCP socket of this port, found through /proc (Linux). */
    private static Optional<Long> listeningProcess(int port) throws IOException {
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) continue;
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                if (localPort == port && f[3].equals("0A")) inodes.add(f[9]);   // 0A: LISTEN
            }
        }
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            Path fds = Path.of("/proc/" + p.pid() + "/fd");
            try (var entries = Files.list(fds)) {
                for (Path fd : entries.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        for (String inode : inodes) {
                            if (target.equals("socket:[" + inode + "]")) return Optional.of(p.pid());
                        }
                    } catch (IOException gone) {
                        // closed meanwhile
                    }
                }
            } catch (IOException notOurs) {
                // another user's process, or ended
            }
        }
        return Optional.empty();
    }

    private static List<String> commandLine(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        return Arrays.asList(raw.split("\0"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    record Result(int exitCode, String output) {}

    static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
