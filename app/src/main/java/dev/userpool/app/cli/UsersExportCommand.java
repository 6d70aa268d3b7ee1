package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
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
        }
        err.flush();
        return 0;
    }

    private static java.util.List<String> customAttributes(AppComponent app) {
        return app.accountAttributes().schema().custom().stream().map(dev.userpool.core.domain.AttributeDefinition::name).toList();
    }
}
