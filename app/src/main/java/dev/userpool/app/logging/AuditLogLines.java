package dev.userpool.app.logging;

import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The audit trail, which also writes one log line per recorded use case — {@code SIGN_IN FAILURE
 * NotAuthorized} — with the request id, the use case and its outcome as MDC fields, so that a JSON log
 * (USERPOOL_LOG_FORMAT=json) says what each request did. Every use case records exactly one event where
 * it decides, so this is the one place that knows both. The line names no address, password, code or
 * token: the event itself holds no secret, and the address stays in the audit trail.
 */
public final class AuditLogLines implements AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogLines.class);

    private final AuditLog trail;

    public AuditLogLines(AuditLog trail) {
        this.trail = trail;
    }

    @Override
    public void record(AuditEvent event) {
        trail.record(event);   // only what is durable is reported
        if (!LOG.isInfoEnabled()) return;
        Map<String, String> fields = new HashMap<>();
        fields.put(LogFields.REQUEST_ID, event.context().requestId());
        fields.put(LogFields.USE_CASE, event.type().name());
        fields.put(LogFields.OUTCOME, event.outcome().name());
        event.errorCode().ifPresent(code -> fields.put(LogFields.ERROR_CODE, code.code()));
        // The HTTP layer's request id is already there on a request thread; restore whatever was set.
        Map<String, String> before = MDC.getCopyOfContextMap();
        try {
            fields.forEach(MDC::put);
            LOG.info("{} {}{}", event.type(), event.outcome(), event.errorCode().map(c -> " " + c.code()).orElse(""));
        } finally {
            if (before == null) MDC.clear();
            else MDC.setContextMap(before);
        }
    }

    @Override
    public Page<AuditEvent> bySubject(String subjectKey, PageRequest page) {
        return trail.bySubject(subjectKey, page);
    }

    @Override
    public Page<AuditEvent> between(Instant from, Instant to, PageRequest page) {
        return trail.between(from, to, page);
    }
}
