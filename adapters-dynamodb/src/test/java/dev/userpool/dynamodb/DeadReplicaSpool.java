package dev.userpool.dynamodb;

import dev.userpool.core.event.AuditEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** For tests elsewhere (the app's {@code audit drain}): the spool a replica leaves when it dies with events unsent. */
public final class DeadReplicaSpool {
    private DeadReplicaSpool() {}

    /** Leaves in {@code dir} one segment of {@code n} sign-ins around {@code at}, unlocked; returns their event ids. */
    public static List<UUID> leave(Path dir, int n, Instant at) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) events.add(AuditEvents.signIn("user-" + UUID.randomUUID(), at.plusMillis(i)));
        Spool spool = Spool.open(dir, Clock.systemUTC());
        spool.append(events);
        spool.close();
        return events.stream().map(AuditEvent::eventId).toList();
    }
}
