package dev.userpool.app.cli;

import dev.userpool.app.backup.BackupException;
import dev.userpool.app.backup.DataBackup;
import dev.userpool.app.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A consistent backup of the data directory, taken while the service runs (docs/DEPLOYMENT.md, "Backups"). */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the data directory into one archive while the service runs: the database through",
                "SQLite's online backup, and every other file of the directory. The archive holds the password",
                "hashes and the token signing keys; it is written owner-only (0600)."})
public final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The archive to write (a zip file)")
    Path to;

    @Option(names = "--force", description = "Replace FILE if it exists")
    boolean force;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory (default: USERPOOL_DATA_DIR, or ./data)")
    Path dataDir;

    @Override
    public Integer call() {
        Path dir = dataDir != null ? dataDir : Settings.fromEnvironment().dataDir();
        try {
            DataBackup.create(dir, to, force, Clock.systemUTC(), spec.commandLine().getOut());
            return 0;
        } catch (BackupException e) {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("userpool backup: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
