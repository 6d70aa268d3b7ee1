package dev.userpool.app.cli;

import dev.userpool.app.backup.BackupException;
import dev.userpool.app.backup.DataRestore;
import dev.userpool.app.config.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Unpacks a backup into a new or empty data directory, after checking all of it (docs/DEPLOYMENT.md, "Backups"). */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'backup' into a data directory that does not exist or is empty.",
                "Never overwrites data: a directory with files in it (say, one a service runs on) is refused."})
public final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The archive 'backup --to' wrote")
    Path from;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory to create (default: USERPOOL_DATA_DIR, or ./data)")
    Path dataDir;

    @Override
    public Integer call() {
        Path dir = dataDir != null ? dataDir : Settings.fromEnvironment().dataDir();
        try {
            DataRestore.restore(from, dir, spec.commandLine().getOut());
            return 0;
        } catch (BackupException e) {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("userpool restore: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
