package dev.userpool.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The log line operators read and grep: the same as the former logback.xml pattern wrote. */
class LogLineLayoutTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void oneLineWithTimeLevelShortLoggerAndMessage() {
        LoggingEvent event = event(Level.INFO, "userpool is listening on {}", "http://localhost:8080/", null);
        event.setTimeStamp(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 67_000_000).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());

        assertThat(layout().doLayout(event))
                .isEqualTo("03:04:05.067 INFO  d.u.app.cli.ServeCommand - userpool is listening on http://localhost:8080/"
                        + System.lineSeparator());
    }

    @Test
    void aFailureShowsItsStackTraceAfterTheLine() {
        String text = layout().doLayout(event(Level.ERROR, "cannot start", null, new IllegalStateException("port in use")));

        assertThat(text).contains(" ERROR d.u.app.cli.ServeCommand - cannot start" + System.lineSeparator()
                + "java.lang.IllegalStateException: port in use");
        assertThat(text).contains("\tat ").endsWith(System.lineSeparator());
    }

    private LogLineLayout layout() {
        LogLineLayout layout = new LogLineLayout();
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
