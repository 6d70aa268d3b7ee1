package dev.userpool.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.SignInResult;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code users invite} and {@code users set-password} on a data directory, as an operator runs them. */
class UsersInviteCommandTest {
    @TempDir
    Path data;

    private Settings settings() {
        return Settings.from(Map.of("USERPOOL_DATA_DIR", data.toString()));
    }

    record Run(int code, String out, String err) {}

    private Run run(Object command, String stdin, String... args) {
        if (command instanceof UsersInviteCommand invite) {
            invite.settings = this::settings;
            invite.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (command instanceof UsersSetPasswordCommand set) {
            set.settings = this::settings;
            set.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private UserStatus statusOf(String email) {
        try (AppComponent app = AppComponent.create(settings(), Clock.systemUTC())) {
            return app.administration().findUser(email).status();
        }
    }

    private SignInResult signIn(String email, String password) {
        try (AppComponent app = AppComponent.create(settings(), Clock.systemUTC())) {
            return app.authentication().signInStep(new SignInCommand(email, password, RequestContext.internal("test")));
        }
    }

    @Test
    void aSuppressedInvitationShowsTheGeneratedPasswordOnceAndItOpensTheChallenge() {
        Run invited = run(new UsersInviteCommand(), "", "carol@example.com", "--suppress");
        assertThat(invited.code()).isZero();
        Matcher m = Pattern.compile("Temporary password: (\\S+)").matcher(invited.out());
        assertThat(m.find()).as(invited.out()).isTrue();
        assertThat(statusOf("carol@example.com")).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(signIn("carol@example.com", m.group(1))).isInstanceOf(SignInResult.NewPasswordChallenge.class);
    }

    @Test
    void aTemporaryPasswordFromStandardInputIsCheckedAndNeverPrinted() {
        Run weak = run(new UsersInviteCommand(), "weak\n", "dave@example.com", "--password-stdin");
        assertThat(weak.code()).isNotZero();
        Run invited = run(new UsersInviteCommand(), "Temporary-Pass-1\n", "dave@example.com", "--password-stdin");
        assertThat(invited.code()).isZero();
        assertThat(invited.out()).contains("Invited dave@example.com").doesNotContain("Temporary-Pass-1");
        assertThat(signIn("dave@example.com", "Temporary-Pass-1")).isInstanceOf(SignInResult.NewPasswordChallenge.class);
    }

    @Test
    void setPasswordReadsStandardInputAndTakesNoPasswordArgument() {
        run(new UsersInviteCommand(), "Temporary-Pass-1\n", "erin@example.com", "--password-stdin", "--suppress");
        Run asArgument = run(new UsersSetPasswordCommand(), "", "erin@example.com", "My-Own-Password-2", "--permanent");
        assertThat(asArgument.code()).isNotZero();
        Run neither = run(new UsersSetPasswordCommand(), "My-Own-Password-2\n", "erin@example.com");
        assertThat(neither.code()).isNotZero();
        Run permanent = run(new UsersSetPasswordCommand(), "My-Own-Password-2\n", "erin@example.com", "--permanent");
        assertThat(permanent.code()).as(permanent.err()).isZero();
        assertThat(permanent.out()).doesNotContain("My-Own-Password-2");
        assertThat(statusOf("erin@example.com")).isEqualTo(UserStatus.CONFIRMED);
        assertThat(signIn("erin@example.com", "My-Own-Password-2")).isInstanceOf(SignInResult.Completed.class);
        run(new UsersSetPasswordCommand(), "Temporary-Pass-3\n", "erin@example.com", "--temporary");
        assertThat(statusOf("erin@example.com")).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
    }
}
