package dev.userpool.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.userpool.app.config.Environment;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.LogFormat;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The app's logging, set up in code rather than from a {@code logback.xml}: parsing XML with Joran
 * and building a PatternLayout loaded about 600 classes and was the largest single part of start-up.
 * Found by logback through {@code META-INF/services}. One line per event on standard error, INFO
 * and up ({@code USERPOOL_LOG_LEVEL} changes it), Jetty and Javalin only from WARN; as text or, with
 * {@code USERPOOL_LOG_FORMAT=json}, as one JSON object per line. A format it does not know is written as
 * text here, since logging starts before the settings are read; reading the settings then stops start-up
 * with a message naming the variable.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, System.getenv());
    }

    ExecutionStatus configure(LoggerContext context, Map<String, String> environment) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        LayoutBase<ILoggingEvent> layout = layout(new Environment(environment));
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(environment.get("USERPOOL_LOG_LEVEL"), Level.INFO));
        root.addAppender(console);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static LayoutBase<ILoggingEvent> layout(Environment environment) {
        LogFormat format;
        try {
            format = LogFormat.from(environment);
        } catch (InvalidSettingsException e) {
            format = LogFormat.TEXT;   // Settings.from reports it, in this format
        }
        return format == LogFormat.JSON ? new JsonLineLayout() : new LogLineLayout();
    }
}
