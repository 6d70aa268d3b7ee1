package dev.userpool.core.port.out;

import dev.userpool.core.domain.BrowserSession;
import java.time.Instant;
import java.util.Optional;

/**
 * The managed login's browser sessions: the cookie a browser keeps after signing in on the pool's
 * pages, so that a second authorization request needs no form. The cookie value is a random secret of
 * which only a digest is stored.
 */
public interface BrowserSessions {

    /** Opens a session and answers its cookie value (its only appearance in clear). */
    String open(BrowserSession session);

    /** The session of this cookie value while it lasts at {@code now}; empty for an unknown or expired one. */
    Optional<BrowserSession> find(String cookie, Instant now);

    /** Ends the session of this cookie value (nothing when there is none). */
    void end(String cookie);
}
