package dev.userpool.app.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JVM the service runs in, sized from inside. Started as the README says ({@code java -jar
 * userpool.jar}) with no heap or collector chosen, the JVM would take G1 with a quarter of the
 * machine's memory as its ceiling and let garbage pile up to hundreds of megabytes. So {@code serve}
 * starts the service once more, in a child JVM with {@link #FLAGS}, and this process only waits for it:
 * no flag for the user to remember, at the cost of one more JVM start (about a tenth of a second).
 *
 * <p>Nothing is relaunched when the JVM was given any option at all (on the command line, in
 * {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS}): whoever sets options chooses the JVM, and
 * the service runs as they started it. Nor for the other commands (they end in a moment), nor when
 * not started from the jar (tests, IDEs).
 */
public final class ServiceJvm {
    /** Heap and collector of the service (docs/configuration.md, "Memory and start-up"): a small start, so an idle service stays small. */
    static final List<String> FLAGS = List.of("-Xms16m", "-Xmx128m", "-XX:+UseSerialGC");
    /** Set on the child, so that it does not relaunch itself again, and so it knows to watch its parent. */
    static final String LAUNCHED = "userpool.launched";

    /** Where the java launcher and the JVM take options from besides the command line. */
    private static final List<String> OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private ServiceJvm() {}

    /** True in the child JVM this class started. */
    public static boolean isLaunched() {
        return System.getProperty(LAUNCHED) != null;
    }

    /** The jar to start again, if this is the {@code serve} command of a plain {@code java -jar}, with no JVM option. */
    public static Optional<Path> relaunchableJar(String[] args) {
        if (isLaunched() || !(args.length == 0 || args[0].equals("serve"))) return Optional.empty();
        for (String variable : OPTION_VARIABLES) {
            String options = System.getenv(variable);
            if (options != null && !options.isBlank()) return Optional.empty();
        }
        // The command line as typed, read from the operating system (not the JVM's management beans,
        // which cost this short-lived process a few hundred classes): exactly "-jar JAR ARGS…".
        List<String> typed = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
        if (typed.size() < 2 || !typed.get(0).equals("-jar") || !typed.subList(2, typed.size()).equals(List.of(args))) {
            return Optional.empty();
        }
        Path jar = Path.of(typed.get(1)).toAbsolutePath();
        return jar.toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * Runs the service in a child JVM with {@link #FLAGS}, and returns its
     * exit code. Stopping this process stops the child first; the child ends as well if this process
     * is killed outright, since it watches the pipe on its standard input ({@link ParentWatch}).
     */
    public static int run(Path jar, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.add("-D" + LAUNCHED + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(jar.toString());
        command.add("dev.userpool.app.Main");
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE)   // never written: its end tells the child this process is gone
                .start();
        Thread stop = new Thread(() -> {
            child.destroy();   // SIGTERM: the child's own shutdown stops the server and closes the database
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "userpool-stop-service");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it waits for the same child
        }
        return code;
    }
}
