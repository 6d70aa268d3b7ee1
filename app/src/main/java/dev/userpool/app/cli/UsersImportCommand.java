package dev.userpool.app.cli;

import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.Settings;
import dev.userpool.app.migration.CognitoUserCsv;
import dev.userpool.app.migration.GroupImport;
import dev.userpool.app.migration.GroupImportReport;
import dev.userpool.app.migration.GroupsJson;
import dev.userpool.app.migration.MovedGroup;
import dev.userpool.app.migration.ImportReport;
import dev.userpool.app.migration.ImportState;
import dev.userpool.app.migration.MigrationFileException;
import dev.userpool.app.migration.MovedUser;
import dev.userpool.app.migration.Progress;
import dev.userpool.app.migration.UserImport;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.port.out.AccountImport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code users import --to cognito}: creates the accounts of an export in the Cognito pool of the
 * {@code USERPOOL_COGNITO_*} settings. The file is checked whole before the first account is created;
 * a state file (beside the CSV unless {@code --state}) makes a second run resume, and the exit code
 * is 1 when any account failed, 2 for a file that cannot be imported.
 */
@Command(name = "import", description = "Create the accounts of a `users export` CSV in a Cognito pool "
        + "(USERPOOL_COGNITO_* settings), resumable.")
final class UsersImportCommand implements Callable<Integer> {
    /** Where accounts can go: Cognito only (the embedded pool has no import yet). */
    enum Target { cognito }

    @Spec
    CommandSpec spec;

    @Option(names = "--to", required = true, description = "Where to: ${COMPLETION-CANDIDATES}")
    Target to;

    @Option(names = "--from", paramLabel = "FILE", description = "The CSV (default: standard input, with --state)")
    Path from;

    @Option(names = "--groups", paramLabel = "FILE", description = "The groups and their members (default: "
            + "FILE.groups.json beside the CSV when there is one)")
    Path groups;

    @Option(names = "--state", paramLabel = "FILE", description = "The accounts done so far (default: FILE.import-state beside the CSV)")
    Path state;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (from == null && state == null) {
            err.println("userpool: reading the CSV from standard input needs --state FILE, which makes the import resumable.");
            return 2;
        }
        List<MovedUser> users;
        try (BufferedReader in = from == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
            users = CognitoUserCsv.read(in);
        } catch (MigrationFileException e) {
            err.println("userpool: " + (from == null ? "standard input" : from) + ", " + e.getMessage()
                    + ". Nothing was imported.");
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + from, e);
        }
        List<MovedGroup> movedGroups;
        Optional<Path> groupsFile = groups != null ? Optional.of(groups)
                : UsersExportCommand.groupsFile(from, null).filter(Files::exists);
        if (groups != null && !Files.exists(groups)) {
            err.println("userpool: the groups file " + groups + " does not exist. Nothing was imported.");
            return 2;
        }
        try {
            movedGroups = groupsFile.isPresent() ? readGroups(groupsFile.get()) : List.of();
        } catch (MigrationFileException e) {
            err.println("userpool: " + groupsFile.get() + ", " + e.getMessage() + ". Nothing was imported.");
            return 2;
        }
        Path stateFile = state != null ? state : from.resolveSibling(from.getFileName() + ".import-state");
        try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
            // the settings first: a run refused for a missing setting leaves no state file behind
            AccountImport accounts;
            try {
                accounts = app.cognitoAccountImport();
            } catch (InvalidSettingsException e) {
                // the message names the service's reason (USERPOOL_DIRECTORY=cognito); the import has its own
                throw new InvalidSettingsException("users import --to cognito reads the Cognito settings the service "
                        + "will run with: " + e.getMessage());
            }
            return run(users, movedGroups, accounts, stateFile, out, err);
        }
    }

    private static List<MovedGroup> readGroups(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return GroupsJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static int run(List<MovedUser> users, List<MovedGroup> groups, AccountImport accounts, Path stateFile,
                           PrintWriter out, PrintWriter err) {
        try (ImportState done = ImportState.open(stateFile)) {
            err.printf("Importing %d account(s) into Cognito (%d done by an earlier run); progress kept in %s%n",
                    users.size(), users.stream().filter(u -> done.isDone(u.email())).count(), stateFile);
            ImportReport report = new UserImport(accounts, done)
                    .run(users, new Progress(err, System.console() != null, users.size()));
            report.print(out);
            if (groups.isEmpty()) return report.complete() ? 0 : 1;
            if (report.notTried() > 0) {
                out.println("Groups not tried: the accounts' run stopped early.");
                return 1;
            }
            err.printf("Importing %d group(s) with their members%n", groups.size());
            GroupImportReport grouped = new GroupImport(accounts, done)
                    .run(groups, new Progress(err, System.console() != null, GroupImport.steps(groups), "group steps"));
            grouped.print(out);
            if (!report.complete() || !grouped.complete()) {
                out.println("Run the same command again to retry what failed.");
                return 1;
            }
            return 0;
        } catch (MigrationFileException e) {
            err.println("userpool: " + e.getMessage() + ". Nothing was imported.");
            return 2;
        }
    }
}
