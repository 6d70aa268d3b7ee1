package dev.userpool.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.BrowserSessions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link BrowserSessions} store does (issue 15): a cookie names its session until it expires or ends. */
public abstract class BrowserSessionsContract {
    private static final Instant AUTH = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2030-01-01T01:00:00Z");

    protected abstract BrowserSessions sessions();

    protected abstract UserId existingUser();

    @Test
    void aCookieNamesItsSessionUntilItExpires() {
        BrowserSession session = new BrowserSession(existingUser(), AUTH, EXPIRES);
        String cookie = sessions().open(session);
        assertThat(sessions().find(cookie, AUTH.plusSeconds(60))).hasValue(session);
        assertThat(sessions().find(cookie, EXPIRES)).isEmpty();
    }

    @Test
    void anEndedSessionIsGone() {
        String cookie = sessions().open(new BrowserSession(existingUser(), AUTH, EXPIRES));
        sessions().end(cookie);
        assertThat(sessions().find(cookie, AUTH)).isEmpty();
        sessions().end(cookie);   // ending again is no error
    }

    @Test
    void anUnknownCookieIsNoSession() {
        assertThat(sessions().find("no-such-cookie", AUTH)).isEmpty();
        assertThat(sessions().find("", AUTH)).isEmpty();
    }
}
