package dev.userpool.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.config.Environment;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.Settings;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** USERPOOL_LOG_FORMAT: text stays the default, json writes one valid JSON object per line. */
class JsonLineLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = new LoggerContext();

    @Test
    void textIsTheDefaultAndJsonIsAskedFor() {
        assertThat(LogSetup.layout(new Environment(Map.of()))).isInstanceOf(LogLineLayout.class);
        assertThat(LogSetup.layout(new Environment(Map.of("USERPOOL_LOG_FORMAT", "text")))).isInstanceOf(LogLineLayout.class);
        assertThat(LogSetup.layout(new Environment(Map.of("USERPOOL_LOG_FORMAT", "JSON")))).isInstanceOf(JsonLineLayout.class);
    }

    @Test
    void anUnknownFormatStopsStartUpNamingTheVariable() {
        // logging itself falls back to text, so that the message can be read
        assertThat(LogSetup.layout(new Environment(Map.of("USERPOOL_LOG_FORMAT", "xml")))).isInstanceOf(LogLineLayout.class);
        assertThatThrownBy(() -> Settings.from(Map.of("USERPOOL_LOG_FORMAT", "xml")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("USERPOOL_LOG_FORMAT=xml is not understood: allowed values are text, json.");
    }

    @Test
    void oneObjectPerLineWithTheFieldsAndTheMdc() throws Exception {
        LoggingEvent event = event(Level.WARN, "a \"quoted\"\nmessage\twith\u0001control {}", "chars", null);
        event.setTimeStamp(Instant.parse("2026-12-06T02:03:04.567Z").toEpochMilli());
        event.setMDCPropertyMap(Map.of("requestId", "r-1", "useCase", "SIGN_IN", "outcome", "FAILURE", "message", "not twice"));

        String text = layout().doLayout(event);

        assertThat(text).endsWith(System.lineSeparator());
        assertThat(text.strip()).doesNotContain("\n");
        JsonNode line = JSON.readTree(text);
        assertThat(line.path("timestamp").asText()).isEqualTo("2026-12-06T02:03:04.567Z");
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("logger").asText()).isEqualTo("dev.userpool.app.cli.ServeCommand");
        assertThat(line.path("message").asText()).isEqualTo("a \"quoted\"\nmessage\twith\u0001control chars");
        assertThat(line.path("requestId").asText()).isEqualTo("r-1");
        assertThat(line.path("useCase").asText()).isEqualTo("SIGN_IN");
        assertThat(line.path("outcome").asText()).isEqualTo("FAILURE");
        assertThat(line.has("exception")).isFalse();
    }

    @Test
    void aFailureCarriesItsStackTraceInTheSameObject() throws Exception {
        LoggingEvent event = event(Level.ERROR, "cannot start", null, new IllegalStateException("port in use"));
        event.setMDCPropertyMap(Map.of());   // this test's own logger context has no MDC

        String text = layout().doLayout(event);

        assertThat(text.strip()).doesNotContain("\n");
        JsonNode line = JSON.readTree(text);
        assertThat(line.path("exception").asText()).startsWith("java.lang.IllegalStateException: port in use").contains("\tat ");
    }

    private JsonLineLayout layout() {
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private LoggingEvent event(Level level, String message, Object argument, Throwable thrown) {
        Logger logger = context.getLogger("dev.userpool.app.cli.ServeCommand");
        return new LoggingEvent(Logger.class.getName(), logger, level, message, thrown,
                argument == null ? null : new Object[] {argument});
    }
}
