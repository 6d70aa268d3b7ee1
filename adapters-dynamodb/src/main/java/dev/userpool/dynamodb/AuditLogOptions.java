package dev.userpool.dynamodb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link DynamoDbAuditLog} uses its table and its spool. {@link #defaults} suits a service;
 * tests shorten the waits.
 *
 * @param tableName          the audit table (see {@link AuditTable} for its design)
 * @param spoolDir           where events wait, fsync'd, while DynamoDB cannot take them; one
 *                           directory per table, on a local disk that outlives the process
 * @param retention          how long after it happened an event is kept (DynamoDB's TTL deletes it later)
 * @param shards             index partitions per day; may be raised later, never lowered (older days
 *                           on the dropped shards would no longer be read)
 * @param bufferCapacity     events that may wait for a batch (besides those in flight); {@code record} waits beyond
 * @param batchDelay         the longest a batch waits to fill up to 25 events while other batches are in
 *                           flight (when none is, it goes at once: its callers are waiting)
 * @param concurrentBatches  batches in flight at once
 * @param writeAttempts      {@code BatchWriteItem} calls for one batch while DynamoDB keeps returning
 *                           {@code UnprocessedItems}; what is still unprocessed after them is spooled
 * @param writeBackoffBase   first wait between those calls (then doubling, with jitter)
 * @param writeBackoffCap    longest wait between those calls
 * @param replayBackoffBase  first wait before the spool is offered to DynamoDB again after a failure
 * @param replayBackoffCap   longest such wait: the most an outage's end can go unnoticed
 * @param recordTimeout      the longest {@code record} waits for its event to become durable
 * @param orphanScanInterval how often the spool directory is searched for segments a crashed process left
 */
public record AuditLogOptions(String tableName, Path spoolDir, Duration retention, int shards, int bufferCapacity,
                              Duration batchDelay, int concurrentBatches, int writeAttempts, Duration writeBackoffBase,
                              Duration writeBackoffCap, Duration replayBackoffBase, Duration replayBackoffCap,
                              Duration recordTimeout, Duration orphanScanInterval) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    public static final int DEFAULT_SHARDS = 4;

    public AuditLogOptions {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(spoolDir, "spoolDir");
        positive(retention, "retention");
        if (shards < 1 || shards > 100) throw new IllegalArgumentException("shards must be between 1 and 100");
        if (bufferCapacity < 1) throw new IllegalArgumentException("bufferCapacity must be at least 1");
        if (batchDelay.isNegative()) throw new IllegalArgumentException("batchDelay must not be negative");
        if (concurrentBatches < 1) throw new IllegalArgumentException("concurrentBatches must be at least 1");
        if (writeAttempts < 1) throw new IllegalArgumentException("writeAttempts must be at least 1");
        positive(writeBackoffBase, "writeBackoffBase");
        positive(writeBackoffCap, "writeBackoffCap");
        positive(replayBackoffBase, "replayBackoffBase");
        positive(replayBackoffCap, "replayBackoffCap");
        positive(recordTimeout, "recordTimeout");
        positive(orphanScanInterval, "orphanScanInterval");
    }

    public static AuditLogOptions defaults(String tableName, Path spoolDir) {
        return new AuditLogOptions(tableName, spoolDir, DEFAULT_RETENTION, DEFAULT_SHARDS, 2_000, Duration.ofMillis(10), 4,
                8, Duration.ofMillis(25), Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(15),
                Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    public AuditLogOptions withRetention(Duration value) {
        return new AuditLogOptions(tableName, spoolDir, value, shards, bufferCapacity, batchDelay, concurrentBatches,
                writeAttempts, writeBackoffBase, writeBackoffCap, replayBackoffBase, replayBackoffCap, recordTimeout,
                orphanScanInterval);
    }

    public AuditLogOptions withShards(int value) {
        return new AuditLogOptions(tableName, spoolDir, retention, value, bufferCapacity, batchDelay, concurrentBatches,
                writeAttempts, writeBackoffBase, writeBackoffCap, replayBackoffBase, replayBackoffCap, recordTimeout,
                orphanScanInterval);
    }

    public AuditLogOptions withBuffer(int capacity, Duration delay, int concurrent) {
        return new AuditLogOptions(tableName, spoolDir, retention, shards, capacity, delay, concurrent,
                writeAttempts, writeBackoffBase, writeBackoffCap, replayBackoffBase, replayBackoffCap, recordTimeout,
                orphanScanInterval);
    }

    public AuditLogOptions withWriteRetries(int attempts, Duration base, Duration cap) {
        return new AuditLogOptions(tableName, spoolDir, retention, shards, bufferCapacity, batchDelay, concurrentBatches,
                attempts, base, cap, replayBackoffBase, replayBackoffCap, recordTimeout, orphanScanInterval);
    }

    public AuditLogOptions withReplayBackoff(Duration base, Duration cap) {
        return new AuditLogOptions(tableName, spoolDir, retention, shards, bufferCapacity, batchDelay, concurrentBatches,
                writeAttempts, writeBackoffBase, writeBackoffCap, base, cap, recordTimeout, orphanScanInterval);
    }

    public AuditLogOptions withRecordTimeout(Duration value) {
        return new AuditLogOptions(tableName, spoolDir, retention, shards, bufferCapacity, batchDelay, concurrentBatches,
                writeAttempts, writeBackoffBase, writeBackoffCap, replayBackoffBase, replayBackoffCap, value,
                orphanScanInterval);
    }

    public AuditLogOptions withOrphanScanInterval(Duration value) {
        return new AuditLogOptions(tableName, spoolDir, retention, shards, bufferCapacity, batchDelay, concurrentBatches,
                writeAttempts, writeBackoffBase, writeBackoffCap, replayBackoffBase, replayBackoffCap, recordTimeout,
                value);
    }

    Backoff writeBackoff() {
        return new Backoff(writeBackoffBase, writeBackoffCap);
    }

    Backoff replayBackoff() {
        return new Backoff(replayBackoffBase, replayBackoffCap);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
