package dev.userpool.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.cli.ServeCommand;
import dev.userpool.app.config.InvalidSettingsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code serve} alone runs through a command line of that one command (the whole tree costs the
 * service's start-up a quarter of a second of reflection), failing as the whole tree's would.
 */
class MainTest {

    @Test
    void noArgumentsOrServeAloneRunTheServeCommandByItself() {
        assertThat(Main.servesOnly(new String[0])).isTrue();
        assertThat(Main.servesOnly(new String[] {"serve"})).isTrue();
        assertThat(Main.servesOnly(new String[] {"serve", "--help"})).isFalse();
        assertThat(Main.servesOnly(new String[] {"users", "list"})).isFalse();
        assertThat(Main.servesOnly(new String[] {"--help"})).isFalse();
        assertThat((Object) Main.serveCommandLine().getCommand()).isInstanceOf(ServeCommand.class);
        assertThat(Main.commandLine().getSubcommands()).containsKey("serve");
    }

    @Test
    void theServeCommandFailsAsTheWholeTreeDoes() throws Exception {
        for (CommandLine cli : new CommandLine[] {Main.serveCommandLine(), Main.commandLine()}) {
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            int code = cli.getExecutionExceptionHandler()
                    .handleExecutionException(new InvalidSettingsException("USERPOOL_PORT=x is not understood."), cli, null);
            cli.getErr().flush();
            assertThat(code).isEqualTo(2);
            assertThat(err).hasToString("userpool: USERPOOL_PORT=x is not understood." + System.lineSeparator());
            assertThatThrownBy(() -> cli.getExecutionExceptionHandler().handleExecutionException(new IllegalStateException("bug"), cli, null))
                    .as("anything else is picocli's to report").isInstanceOf(IllegalStateException.class);
        }
    }
}
