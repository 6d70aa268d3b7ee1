package dev.userpool.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON object per line ({@code USERPOOL_LOG_FORMAT=json}): {@code timestamp} (UTC, ISO-8601),
 * {@code level}, {@code logger}, {@code thread}, {@code message}, then the event's MDC — the request id,
 * and for audited use cases the use case and its outcome (see {@link LogFields}) — and {@code exception}
 * with the stack trace when there is one. Jackson writes it, so every string is escaped as JSON wants.
 */
final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private final JsonFactory json = new JsonFactory();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator out = json.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            out.writeStringField("level", event.getLevel().toString());
            out.writeStringField("logger", event.getLoggerName());
            out.writeStringField("thread", event.getThreadName());
            out.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> field : new TreeMap<>(mdc).entrySet()) {
                    if (!LogFields.FIXED.contains(field.getKey())) out.writeStringField(field.getKey(), field.getValue());
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) out.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return line.append(CoreConstants.LINE_SEPARATOR).toString();
    }
}
