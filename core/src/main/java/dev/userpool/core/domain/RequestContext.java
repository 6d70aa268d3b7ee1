package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/** Where a request came from, for the audit trail. */
public record RequestContext(String requestId, Optional<String> sourceIp, Optional<String> userAgent) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** For work nobody asked for over the network (start-up, background jobs, the CLI). */
    public static RequestContext internal(String requestId) {
        return new RequestContext(requestId, Optional.empty(), Optional.empty());
    }
}
