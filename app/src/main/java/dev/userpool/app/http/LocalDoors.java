package dev.userpool.app.http;

import dev.userpool.app.http.cognito.PoolApiSettings.AdminCallers;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The start-up log's account of the local-only doors, one line each: open or closed, and to whom. An
 * operator reading the log of a default run sees that they answer this machine only, and a door a
 * setting opens wider is a warning.
 */
final class LocalDoors {
    /** One line of the log; {@code warning} when the door is open beyond {@code USERPOOL_LOCAL_NETWORKS}. */
    record Line(String text, boolean warning) {}

    private final LocalCallers callers;
    private final boolean mailbox;
    private final Optional<AdminCallers> poolAdmin;

    /** @param poolAdmin where the local pool's admin operations are accepted from; empty when the pool's API is not served */
    LocalDoors(LocalCallers callers, boolean mailbox, Optional<AdminCallers> poolAdmin) {
        this.callers = callers;
        this.mailbox = mailbox;
        this.poolAdmin = poolAdmin;
    }

    List<Line> lines() {
        String local = "open to " + callers.describe();
        return List.of(
                new Line("Local-only door: " + PlatformRoutes.MAILBOX + " " + (mailbox ? local
                        : "closed: it exists only with USERPOOL_EMAIL=embedded"), false),
                new Line("Local-only door: " + PlatformRoutes.METRICS + " " + local, false),
                poolAdminLine(local));
    }

    void log(Logger log) {
        for (Line line : lines()) {
            if (line.warning()) log.warn(line.text());
            else log.info(line.text());
        }
    }

    private Line poolAdminLine(String local) {
        String door = "Local-only door: the local pool's admin operations (POST / AdminGetUser, ListUsers, …) ";
        if (poolAdmin.isEmpty()) return new Line(door + "closed: the pool's Cognito API is not served", false);
        return switch (poolAdmin.get()) {
            case LOCAL -> new Line(door + local + " (USERPOOL_POOL_ADMIN=loopback)", false);
            case ANY -> new Line(door + "open to any caller on any network, without credentials, never web pages"
                    + " (USERPOOL_POOL_ADMIN=any)", true);
            case NOBODY -> new Line(door + "closed (USERPOOL_POOL_ADMIN=off)", false);
        };
    }
}
