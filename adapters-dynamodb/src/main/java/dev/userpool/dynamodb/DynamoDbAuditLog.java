package dev.userpool.dynamodb;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The audit trail in one DynamoDB table ({@link AuditTable} says its design). {@code record} returns
 * once the event is durable: written to DynamoDB, or — while DynamoDB does not answer or throttles
 * past the retries — fsync'd to a local spool that a background task replays, in order, when it
 * answers again. Events are written in batches of up to 25; a write is keyed by the event, so an
 * event written twice (a replay after a crash, a retry) is kept once.
 *
 * <p>The client stays the caller's; {@link #close} sends what it accepted and stops its threads.
 * Give the client short timeouts and few retries (the app allows 3 attempts): while DynamoDB is away
 * the spool waits, and every second the SDK spends retrying is a second a caller of {@code record}
 * waits before its event is spooled.
 */
public final class DynamoDbAuditLog implements AuditLog, AutoCloseable {
    private static final int PARALLEL_QUERIES = 8;

    private final AuditItemMapper mapper;
    private final Spool spool;
    private final BatchWriter writer;
    private final BatchingDelivery delivery;
    private final SpoolReplayer replayer;
    private final AuditReader reader;
    private final Duration recordTimeout;
    private final LongAdder recorded = new LongAdder();

    /**
     * Opens the spool (taking over what a crashed process left in it) and starts the writer and the
     * replayer. The table must exist: see {@link AuditTable#createIfMissing} and {@link AuditTable#verify}.
     */
    public DynamoDbAuditLog(DynamoDbClient client, AuditLogOptions options, Clock clock) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        this.mapper = new AuditItemMapper(options.shards(), options.retention());
        this.recordTimeout = options.recordTimeout();
        try {
            this.spool = Spool.open(options.spoolDir(), clock);
        } catch (IOException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit spool directory "
                    + options.spoolDir() + " cannot be used: " + e.getMessage(), e);
        }
        this.writer = new BatchWriter(client, options.tableName(), mapper, options.writeAttempts(), options.writeBackoff());
        this.replayer = new SpoolReplayer(spool, writer, options.replayBackoff(), options.orphanScanInterval());
        this.delivery = new BatchingDelivery(writer, spool, replayer::wake, options.bufferCapacity(),
                options.batchDelay(), options.concurrentBatches(), options.recordTimeout());
        this.reader = new AuditReader(client, options.tableName(), mapper, options.retention(), clock, PARALLEL_QUERIES);
        replayer.start();
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        mapper.toItem(event);   // refuses what no table could hold before it is accepted
        long deadline = System.nanoTime() + recordTimeout.toNanos();
        CompletableFuture<Void> durable = delivery.submit(event, recordTimeout);
        try {
            durable.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            recorded.increment();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UserPoolException u) throw u;
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit event could not be stored.", e.getCause());
        } catch (TimeoutException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit event was not stored within "
                    + recordTimeout.toSeconds() + " s; it may still be.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while recording an audit event.");
        }
    }

    @Override
    public Page<AuditEvent> bySubject(String subjectKey, PageRequest page) {
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(page, "page");
        return reader.bySubject(subjectKey, page);
    }

    @Override
    public Page<AuditEvent> between(Instant from, Instant to, PageRequest page) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(page, "page");
        return reader.between(from, to, page);
    }

    /** Where events wait while DynamoDB cannot take them. */
    public Path spoolDirectory() {
        return spool.directory();
    }

    /**
     * What waits in this process's spool now. Reading when the oldest event happened reads one record
     * from the disk; a failure to read it leaves the age unknown rather than failing the caller.
     */
    public SpoolBacklog spoolBacklog() {
        Optional<Instant> oldest;
        try {
            oldest = spool.oldestWaiting();
        } catch (IOException e) {
            oldest = Optional.empty();
        }
        return new SpoolBacklog(spool.backlogRecords(), spool.backlogBytes(), oldest);
    }

    public DeliveryStatistics statistics() {
        return new DeliveryStatistics(recorded.sum(), writer.requests(), writer.itemsWritten(), delivery.spooled(),
                replayer.replayed(), delivery.refused() + replayer.refused(), spool.backlogBytes());
    }

    /**
     * Stops accepting events, writes (or spools) every event already accepted, stops the replayer and
     * releases the spool. Events still in the spool are replayed by the next start.
     */
    @Override
    public void close() {
        try {
            delivery.close();
        } finally {
            try {
                replayer.close();
            } finally {
                reader.close();
                spool.close();
            }
        }
    }
}
