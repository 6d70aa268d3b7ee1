package dev.userpool.app.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What only this replica can tell about itself, for {@code /health}: the audit events that wait in its
 * own spool for DynamoDB (present when DynamoDB holds the audit trail), and how it paces SES's
 * rate-limited sends (present when SES sends the mail). A load balancer's health check reads it from
 * every replica; a backlog that grows on one of them is that replica's trouble with DynamoDB.
 */
public record ReplicaStatus(Optional<Supplier<SpoolBacklog>> auditSpool, Optional<Supplier<Pacing>> sesPacing) {

    public ReplicaStatus {
        Objects.requireNonNull(auditSpool, "auditSpool");
        Objects.requireNonNull(sesPacing, "sesPacing");
    }

    public static ReplicaStatus none() {
        return new ReplicaStatus(Optional.empty(), Optional.empty());
    }

    /** Events waiting in the spool, and how long the oldest of them has waited (zero when none waits). */
    public record SpoolBacklog(long events, Duration oldestAge) {}

    /**
     * How SES's custom verification emails are paced: {@code shared} by every replica through DynamoDB at
     * the account's {@code ratePerSecond}; {@code fallback}, alone at this replica's share of it while
     * DynamoDB cannot be reached; or {@code local}, alone at {@code ratePerSecond} (no DynamoDB audit
     * trail to share it through: each replica must then be given its share by hand).
     */
    public record Pacing(String mode, double ratePerSecond) {}
}
