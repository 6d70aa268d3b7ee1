package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.PasswordPolicy;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.TemporaryPasswords;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.port.in.PasswordAdministration.InviteCommand;
import dev.userpool.core.port.in.PasswordAdministration.MessageAction;
import java.io.InputStream;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code users invite EMAIL}: creates an account with a temporary password (AdminCreateUser) and mails
 * the invitation. The temporary password is generated, or read from standard input with
 * {@code --password-stdin} — never an argument, which other users of the machine could read. With
 * {@code --suppress} no mail goes out, so a generated password is printed once, to standard output.
 */
@Command(name = "invite", description = "Create an account with a temporary password and email the invitation.")
public final class UsersInviteCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EMAIL")
    String email;

    @Option(names = "--suppress", description = "send no invitation (a generated temporary password is printed)")
    boolean suppress;

    @Option(names = "--resend", description = "give a waiting account a new temporary password and send the invitation again")
    boolean resend;

    @Option(names = "--password-stdin", description = "read the temporary password from standard input")
    boolean passwordFromStdin;

    @Option(names = "--email-verified", description = "mark the address verified")
    boolean emailVerified;

    /** Where settings and input come from: the environment and standard input, or a test's. */
    Supplier<Settings> settings = Settings::fromEnvironment;
    InputStream in = System.in;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> given = passwordFromStdin ? Optional.of(StdinSecret.read(in, spec.commandLine())) : Optional.empty();
        // Without a mail nobody would learn a password the core generated: generate it here and show it.
        Optional<String> shown = given.isEmpty() && suppress
                ? Optional.of(new TemporaryPasswords(PasswordPolicy.cognitoDefault(), new SecureRandom()).generate().reveal())
                : Optional.empty();
        MessageAction action = resend ? MessageAction.RESEND : suppress ? MessageAction.SUPPRESS : MessageAction.SEND;
        try (AppComponent app = AppComponent.create(settings.get(), Clock.systemUTC())) {
            User user = app.passwordAdministration().invite(new InviteCommand(Actor.system(), email, Optional.empty(),
                    emailVerified, UserAttributes.none(), given.or(() -> shown), action,
                    RequestContext.internal("cli-" + UUID.randomUUID())));
            out.printf("%s %s: status %s%s%n", resend ? "Invited again" : "Invited", user.email(), user.status(),
                    action == MessageAction.SUPPRESS ? ", no invitation sent" : ", invitation sent");
            shown.ifPresent(p -> out.printf("Temporary password: %s%n", p));
        }
        out.flush();
    }
}
