package dev.userpool.app;

import dev.userpool.app.cli.AuditCommand;
import dev.userpool.app.cli.BackupCommand;
import dev.userpool.app.cli.GroupsCommand;
import dev.userpool.app.cli.MailCommand;
import dev.userpool.app.cli.RestoreCommand;
import dev.userpool.app.cli.ServeCommand;
import dev.userpool.app.cli.UsersCommand;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.launch.ParentWatch;
import dev.userpool.app.launch.ServeLock;
import dev.userpool.app.launch.ServiceJvm;
import dev.userpool.app.launch.StartupClasses;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar userpool.jar [serve | users … | groups … | audit … | mail … | backup … | restore …]}; {@code serve} is the default. */
@Command(name = "userpool", mixinStandardHelpOptions = true, version = "userpool 0.1.0",
        description = "User sign-up, email verification and sign-in.",
        subcommands = {ServeCommand.class, UsersCommand.class, GroupsCommand.class, AuditCommand.class, MailCommand.class,
                BackupCommand.class, RestoreCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        Optional<Path> jar = ServiceJvm.relaunchableJar(args);
        if (jar.isPresent()) {
            try {
                // this process only waits: the service runs in a JVM sized for it, and its exit code is ours
                System.exit(ServiceJvm.run(jar.get(), args));
            } catch (IOException e) {
                // no child JVM could be started: the service runs here, with the JVM's defaults
            } catch (InvalidSettingsException e) {
                CommandLine cli = commandLine();
                cli.getErr().println("userpool: " + e.getMessage());
                cli.getErr().flush();
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(1);
            }
        }
        // The service's start-up loads its classes on the other core as well (StartupClasses).
        if (servesOnly(args)) StartupClasses.preload();
        // The child of a relaunch: the service ends with the process that started it, however that ended.
        if (ServiceJvm.isLaunched()) ParentWatch.start(System.in, () -> System.exit(0));
        int code = servesOnly(args) ? serveCommandLine().execute() : commandLine().execute(args);
        // The one place the process ends on purpose: a command failed, and the caller must see its exit code.
        if (code != 0) System.exit(code);
    }

    /** {@code serve} and nothing else, or no arguments at all (which mean {@code serve}). */
    static boolean servesOnly(String[] args) {
        return args.length == 0 || (args.length == 1 && args[0].equals("serve"));
    }

    /**
     * The {@code serve} command alone, as {@link #commandLine} would run it: picocli builds the model of
     * this one command instead of the whole tree of the others, by reflection (about a quarter of a
     * second of the service's start-up).
     */
    static CommandLine serveCommandLine() {
        return failingAsUsual(new CommandLine(new ServeCommand()));
    }

    static CommandLine commandLine() {
        return failingAsUsual(new CommandLine(new Main()));
    }

    private static CommandLine failingAsUsual(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InvalidSettingsException || e instanceof dev.userpool.core.domain.UserPoolException
                    || e instanceof ServeLock.DirectoryInUseException) {
                line.getErr().println("userpool: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(new CommandLine(this).getOut());
    }
}
