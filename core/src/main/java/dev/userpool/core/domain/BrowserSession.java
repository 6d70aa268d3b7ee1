package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser signed in on the managed login pages: whose it is and when they authenticated (an ID
 * token's {@code auth_time}). The cookie that names it is a secret the
 * {@link dev.userpool.core.port.out.BrowserSessions} store keeps only as a digest.
 */
public record BrowserSession(UserId user, Instant authTime, Instant expiresAt) {
    public BrowserSession {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
