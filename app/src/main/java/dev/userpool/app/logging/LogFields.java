package dev.userpool.app.logging;

import java.util.Set;

/**
 * The MDC keys the app sets, which the JSON log writes as fields of their own: the request id (set by
 * the HTTP layer for the length of a request) and, on the line that records an audited use case, the
 * use case, its outcome and error code.
 */
public final class LogFields {
    public static final String REQUEST_ID = "requestId";
    public static final String USE_CASE = "useCase";
    public static final String OUTCOME = "outcome";
    public static final String ERROR_CODE = "errorCode";

    /** Fields every JSON line has; an MDC key of the same name would write the field twice. */
    static final Set<String> FIXED = Set.of("timestamp", "level", "logger", "thread", "message", "exception");

    private LogFields() {}
}
