package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.migration.GroupExport;
import dev.userpool.app.migration.UserExport;
import dev.userpool.app.wiring.AppComponent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code users export}: the accounts as the CSV of Cognito's user import jobs (docs/migrating-to-cognito.md). */
@Command(name = "export", description = "Write the confirmed, enabled accounts as the CSV of Cognito's user import "
        + "(the header of GetCSVHeader); passwords do not move.")
final class UsersExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "FILE", description = "Write here (default: standard output)")
    Path to;

    @Option(names = "--groups", paramLabel = "FILE", description = "Write the groups and their members here "
            + "(default: FILE.groups.json beside --to; none when the CSV goes to standard output)")
    Path groups;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
            UserExport.Summary summary = ExportFile.writeTo(Optional.ofNullable(to), spec.commandLine().getOut(),
                    out -> UserExport.write(app.administration(), customAttributes(app), out));
            err.printf("Exported %d account(s)%s. Left out: %d unconfirmed (they sign up again), %d disabled "
                    + "(enable them first to move them). Passwords do not move: users choose a new one with "
                    + "\"forgot password\".%n", summary.exported(), to == null ? "" : " to " + to,
                    summary.unconfirmed(), summary.disabled());
            Optional<Path> groupsFile = groupsFile(to, groups);
            if (groupsFile.isPresent()) {
                GroupExport.Summary written = ExportFile.write(groupsFile.get(), out -> GroupExport.write(app.groupAdministration(), out));
                err.printf("Exported %d group(s) with %d membership(s) to %s; `users import` reads it from there.%n",
                        written.groups(), written.memberships(), groupsFile.get());
            } else {
                err.println("Groups not exported: the CSV went to standard output; give --groups FILE to write them.");
            }
        }
        err.flush();
        return 0;
    }

    /** Where the groups go: {@code --groups}, else beside the CSV, else nowhere. */
    static Optional<Path> groupsFile(Path csv, Path groups) {
        if (groups != null) return Optional.of(groups);
        return Optional.ofNullable(csv).map(c -> c.resolveSibling(c.getFileName() + ".groups.json"));
    }

    private static java.util.List<String> customAttributes(AppComponent app) {
        return app.accountAttributes().schema().custom().stream().map(dev.userpool.core.domain.AttributeDefinition::name).toList();
    }
}
