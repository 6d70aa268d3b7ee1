package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.userpool.app.testing.RunningApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * At start the log says, one line per local-only door, whether it is open and to whom: an operator
 * reading the log of a default run sees at once that the mailbox, {@code /metrics} and the pool's
 * admin operations answer this machine only, and sees a warning when a setting opens more.
 *
 * <p>Observed against the code before the fix (commit 6e938da): both tests failed — no line named
 * any door (the log said only which adapters serve the ports and where the server listens).
 */
class StartUpLogTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
    }

    @Test
    void eachOpenDoorIsOneLineThatSaysFromWhere() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_LOCAL_NETWORKS", "127.0.0.1/32, ::1"))) {
            List<String> doors = doorLines();
            assertThat(doors).hasSize(3);
            assertThat(line(doors, "mailbox")).contains("/mailbox.html", "/api/dev/mailbox", "open", "127.0.0.1/32", "::1/128",
                    "USERPOOL_LOCAL_NETWORKS");
            assertThat(line(doors, "/metrics")).contains("open", "127.0.0.1/32", "::1/128");
            assertThat(line(doors, "admin operations")).contains("open", "127.0.0.1/32", "USERPOOL_POOL_ADMIN=loopback");
        }
    }

    @Test
    void closedDoorsSayWhyAndAWiderDoorIsAWarning() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_POOL_ADMIN", "any"))) {
            assertThat(line(doorLines(), "admin operations")).contains("any", "USERPOOL_POOL_ADMIN=any");
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("admin operations"))
                    .extracting(e -> e.getLevel().toString()).containsExactly("WARN");
        }
        log.list.clear();
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_POOL_ADMIN", "off"))) {
            assertThat(line(doorLines(), "admin operations")).contains("closed", "USERPOOL_POOL_ADMIN=off");
        }
    }

    private List<String> doorLines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Local-only door")).toList();
    }

    private static String line(List<String> lines, String about) {
        List<String> matching = lines.stream().filter(l -> l.contains(about)).toList();
        assertThat(matching).as("one line about " + about + " in " + lines).hasSize(1);
        return matching.get(0);
    }
}
