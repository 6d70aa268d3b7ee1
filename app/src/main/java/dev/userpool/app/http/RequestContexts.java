package dev.userpool.app.http;

import dev.userpool.core.domain.RequestContext;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request context of audit events: a request id (the caller's, when it looks sane), source IP, user agent. */
public final class RequestContexts {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "userpool.requestId";
    /** The MDC key of the request id: the JSON log's {@code requestId} field (LogFields.REQUEST_ID; http sees no app package). */
    static final String MDC_KEY = "requestId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_USER_AGENT = 256;

    private RequestContexts() {}

    /**
     * Assigns the request id before anything else runs, and echoes it in the response. It is also in the
     * MDC of every log line written while the request is handled on its thread, until {@link #release}.
     */
    static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** After the request: the thread goes back to Jetty's pool, and its next lines belong to another request. */
    static void release() {
        MDC.remove(MDC_KEY);
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }

    public static RequestContext of(Context ctx) {
        String agent = ctx.userAgent();
        if (agent != null && agent.length() > MAX_USER_AGENT) agent = agent.substring(0, MAX_USER_AGENT);
        // The socket's remote address, never a forwarded header a caller could set: per-address caps
        // (SRP's pending challenges) count by it.
        return new RequestContext(requestId(ctx), Optional.ofNullable(ctx.req().getRemoteAddr()), Optional.ofNullable(agent));
    }
}
