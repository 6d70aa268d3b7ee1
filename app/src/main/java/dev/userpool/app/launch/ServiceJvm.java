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
 *
 * <p>The child JVM also gets a class-data archive of the service's classes when there is one for this jar
 * and JVM, or writes one when it ends ({@link ClassArchive}): about a third off the start-up from the
 * second start on. {@code USERPOOL_CLASS_ARCHIVE=off} turns that off.
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
     * Runs the service in a child JVM with {@link #FLAGS} and the class-data archive's options, and returns its
     * exit code. Stopping this process stops the child first; the child ends as well if this process
     * is killed outright, since it watches the pipe on its standard input ({@link ParentWatch}). Once the
     * child has ended, an archive it wrote is moved into place ({@link ClassArchive#childEnded}).
     *
     * @throws dev.userpool.app.config.InvalidSettingsException if {@code USERPOOL_CLASS_ARCHIVE} is not a flag
     */
    public static int run(Path jar, String[] args) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        ClassArchive archive = ClassArchive.enabled(System.getenv())
                ? ClassArchive.plan(jar, ClassArchive.cacheRoot(System.getenv(), System.getProperty("user.home")),
                        ClassArchive.thisJvm(), FLAGS, pid)
                : ClassArchive.none(ClassArchive.text("off (", ClassArchive.VARIABLE, ")"));
        Process child = new ProcessBuilder(command(System.getProperty("java.home"), jar, args, archive, pid))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE)   // never written: its end tells the child this process is gone
                .start();
        Thread stop = new Thread(() -> {
            child.destroy();   // SIGTERM: the child's own shutdown stops the server and closes the database
            try {
                archive.childEnded(child.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "userpool-stop-service");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        archive.childEnded(code);
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it waits for the same child
        }
        return code;
    }

    /** The child's command line: the JVM of {@code javaHome} with {@link #FLAGS} and the archive's options, the service's {@code args}. */
    static List<String> command(String javaHome, Path jar, String[] args, ClassArchive archive, long launcherPid) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(FLAGS);
        command.addAll(archive.jvmOptions());
        command.add(ClassArchive.text("-D", LAUNCHED, "=", launcherPid));
        command.add("-cp");
        command.add(jar.toString());
        command.add("dev.userpool.app.Main");
        command.addAll(List.of(args));
        return command;
    }

    /**
     * In the service's JVM: what its start-up log line says about the class-data archive ("class-data
     * archive used", …), or empty when the service was not started by this launcher.
     */
    public static Optional<String> classArchiveNote() {
        return ClassArchive.inThisJvm();
    }
}
