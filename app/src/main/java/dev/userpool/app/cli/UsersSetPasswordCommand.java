package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.in.PasswordAdministration.SetPasswordCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code users set-password EMAIL --permanent|--temporary} (AdminSetUserPassword): the password comes
 * from standard input, never an argument. Permanent confirms the account; temporary asks for a new one
 * at the next sign-in.
 */
@Command(name = "set-password", description = "Set an account's password, read from standard input.")
public final class UsersSetPasswordCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EMAIL")
    String email;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    static final class Kind {
        @Option(names = "--permanent", required = true, description = "the holder's password from now on (status CONFIRMED)")
        boolean permanent;

        @Option(names = "--temporary", required = true, description = "to be replaced at the next sign-in (status FORCE_CHANGE_PASSWORD)")
        boolean temporary;
    }

    Supplier<Settings> settings = Settings::fromEnvironment;
    InputStream in = System.in;

    @Override
    public void run() {
        String password = StdinSecret.read(in, spec.commandLine());
        try (AppComponent app = AppComponent.create(settings.get(), Clock.systemUTC())) {
            User user = app.passwordAdministration().setPassword(new SetPasswordCommand(Actor.system(), email, password,
                    kind.permanent, RequestContext.internal("cli-" + UUID.randomUUID())));
            spec.commandLine().getOut().printf("Set the %s password of %s: status %s%n",
                    kind.permanent ? "permanent" : "temporary", user.email(), user.status());
        }
        spec.commandLine().getOut().flush();
    }
}
