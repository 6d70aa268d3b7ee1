package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.in.Administration.AdminCommand;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The operator's console actions on accounts, on the same data directory as the service. */
@Command(name = "users", description = "List, confirm, export and import accounts.", subcommands = {UsersCommand.List.class,
        UsersCommand.Confirm.class, UsersExportCommand.class, UsersImportCommand.class,
        UsersInviteCommand.class, UsersSetPasswordCommand.class})
public final class UsersCommand {

    @Command(name = "list", description = "List accounts with their status and whether the email is verified.")
    static final class List implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--status", description = "UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD or RESET_REQUIRED")
        UserStatus status;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
                UserFilter filter = new UserFilter(Optional.ofNullable(status), Optional.empty(), Optional.empty());
                out.printf("%-40s %-36s %-12s %-14s %s%n", "EMAIL", "USER ID", "STATUS", "EMAIL VERIFIED", "ENABLED");
                Optional<String> cursor = Optional.empty();
                do {
                    Page<User> page = app.administration().listUsers(filter, new PageRequest(PageRequest.MAX_LIMIT, cursor));
                    for (User u : page.items()) {
                        out.printf("%-40s %-36s %-12s %-14s %s%n", u.email(), u.id(), u.status(), u.emailVerified(), u.enabled());
                    }
                    cursor = page.nextCursor();
                } while (cursor.isPresent());
            }
            out.flush();
        }
    }

    @Command(name = "confirm", description = "Confirm an account by hand; its email stays unverified.")
    static final class Confirm implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public void run() {
            try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
                User user = app.administration().confirm(new AdminCommand(Actor.system(), email,
                        RequestContext.internal("cli-" + UUID.randomUUID())));
                spec.commandLine().getOut().printf("Confirmed %s: status %s, email verified %s%n",
                        user.email(), user.status(), user.emailVerified());
            }
            spec.commandLine().getOut().flush();
        }
    }
}
