package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a request came from, for the audit trail, and the app client it came through when it named
 * one (a Cognito API call's {@code ClientId}): the tokens a sign-in issues are that client's. Without
 * one, the pool's default client.
 */
public record RequestContext(String requestId, Optional<String> sourceIp, Optional<String> userAgent,
                             Optional<String> clientId) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clientId, "clientId");
    }

    /** A request that names no app client (the REST API, the pages): the default client's. */
    public RequestContext(String requestId, Optional<String> sourceIp, Optional<String> userAgent) {
        this(requestId, sourceIp, userAgent, Optional.empty());
    }

    /** For work nobody asked for over the network (start-up, background jobs, the CLI). */
    public static RequestContext internal(String requestId) {
        return new RequestContext(requestId, Optional.empty(), Optional.empty());
    }

    /** The same request, through the app client {@code clientId}. */
    public RequestContext throughClient(String clientId) {
        return new RequestContext(requestId, sourceIp, userAgent, Optional.of(clientId));
    }
}
