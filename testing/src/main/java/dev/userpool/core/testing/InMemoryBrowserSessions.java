package dev.userpool.core.testing;

import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.port.out.BrowserSessions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The managed login's browser sessions in memory (issue 15). */
public final class InMemoryBrowserSessions implements BrowserSessions {
    private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();

    @Override
    public String open(BrowserSession session) {
        String cookie = UUID.randomUUID().toString() + UUID.randomUUID();
        sessions.put(cookie, session);
        return cookie;
    }

    @Override
    public Optional<BrowserSession> find(String cookie, Instant now) {
        if (cookie == null) return Optional.empty();
        return Optional.ofNullable(sessions.get(cookie)).filter(s -> now.isBefore(s.expiresAt()));
    }

    @Override
    public void end(String cookie) {
        if (cookie != null) sessions.remove(cookie);
    }
}
