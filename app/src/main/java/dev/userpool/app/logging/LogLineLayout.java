package dev.userpool.app.logging;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * {@code HH:mm:ss.SSS LEVEL logger - message}, the line the former {@code logback.xml} pattern
 * ({@code %d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n}) wrote, without PatternLayout's
 * converter registry, which costs start-up time for the many conversion words never used.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
        pad(line, time.getHour(), 2).append(':');
        pad(line, time.getMinute(), 2).append(':');
        pad(line, time.getSecond(), 2).append('.');
        pad(line, time.getNano() / 1_000_000, 3).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
        line.append(abbreviator.abbreviate(event.getLoggerName())).append(" - ");
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) line.append(ThrowableProxyUtil.asString(thrown));   // ends with its own line separator
        return line.toString();
    }

    private static StringBuilder pad(StringBuilder line, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) line.append('0');
        return line.append(text);
    }
}
