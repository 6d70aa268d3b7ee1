package dev.userpool.dynamodb;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path: events wait in a bounded buffer, leave it in batches of up to 25 (as soon as 25
 * are there, after a short delay, or at once when DynamoDB is idle), and each batch ends durable in
 * DynamoDB or, when DynamoDB cannot take it, in the spool. While the spool holds events, new ones
 * join them there, so that replay keeps the order in which they were recorded.
 */
final class BatchingDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingDelivery.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private record Pending(AuditEvent event, CompletableFuture<Void> durable) {}

    private final BlockingQueue<Pending> buffer;
    private final BatchWriter writer;
    private final Spool spool;
    private final Runnable onSpooled;
    private final long batchDelayNanos;
    private final Semaphore inFlight;
    private final int concurrentBatches;
    private final Duration closeTimeout;
    private final ExecutorService senders;
    private final Thread dispatcher;
    private final ReadWriteLock accepting = new ReentrantReadWriteLock();
    private volatile boolean open = true;
    private final LongAdder spooled = new LongAdder();
    private final LongAdder refused = new LongAdder();

    BatchingDelivery(BatchWriter writer, Spool spool, Runnable onSpooled, int capacity, Duration batchDelay,
                     int concurrentBatches, Duration closeTimeout) {
        this.writer = writer;
        this.spool = spool;
        this.onSpooled = onSpooled;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.batchDelayNanos = batchDelay.toNanos();
        this.concurrentBatches = concurrentBatches;
        this.inFlight = new Semaphore(concurrentBatches);
        this.closeTimeout = closeTimeout;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrentBatches, r -> daemon(r, "userpool-audit-writer-" + n.incrementAndGet()));
        this.dispatcher = daemon(this::dispatch, "userpool-audit-batcher");
        this.dispatcher.start();
    }

    /**
     * Accepts {@code event} into the buffer, waiting up to {@code timeout} for room; the returned
     * future completes once the event is durable, or fails with the reason it could not be made so.
     */
    CompletableFuture<Void> submit(AuditEvent event, Duration timeout) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        accepting.readLock().lock();
        try {
            if (!open) throw closed();
            if (!buffer.offer(new Pending(event, durable), timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit buffer stayed full for "
                        + timeout.toSeconds() + " s: events are recorded faster than they can be stored.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while recording an audit event.");
        } finally {
            accepting.readLock().unlock();
        }
        return durable;
    }

    long spooled() {
        return spooled.sum();
    }

    long refused() {
        return refused.sum();
    }

    /**
     * Stops accepting, sends everything accepted (to DynamoDB or the spool) and waits for it, at most
     * the close timeout: a DynamoDB call that hangs beyond it does not hold up the shutdown (its
     * callers are told the event was not stored).
     */
    @Override
    public void close() {
        accepting.writeLock().lock();
        try {
            open = false;
        } finally {
            accepting.writeLock().unlock();
        }
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            dispatcher.join(Math.max(1, millisUntil(deadline)));
            if (dispatcher.isAlive()) {
                dispatcher.interrupt();
                dispatcher.join(1_000);
            }
            senders.shutdown();
            if (!senders.awaitTermination(Math.max(1, millisUntil(deadline)), TimeUnit.MILLISECONDS)) {
                LOG.warn("Audit batches still in flight after {} s of shutting down; their callers are told the events"
                        + " were not stored", closeTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending p; (p = buffer.poll()) != null; ) p.durable().completeExceptionally(closed());
    }

    private void dispatch() {
        while (true) {
            try {
                inFlight.acquire();   // at most concurrentBatches in flight; meanwhile events wait in the buffer
            } catch (InterruptedException e) {
                return;   // the close timeout ran out
            }
            Pending first;
            try {
                first = buffer.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                inFlight.release();
                return;
            }
            if (first == null) {
                inFlight.release();
                if (!open && buffer.isEmpty()) return;
                continue;
            }
            List<Pending> batch = fill(first);
            try {
                senders.execute(() -> {
                    try {
                        deliver(batch);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (RuntimeException e) {
                inFlight.release();
                fail(batch, new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit writer stopped."));
            }
        }
    }

    private static long millisUntil(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    /**
     * Up to 25 events: whatever waits already, then, while other batches are in flight, what arrives
     * until the batch is full or the batch delay has passed. When nothing is in flight the batch goes
     * at once (as Nagle's algorithm does): callers wait for their event, so waiting for more would only
     * add latency; under load the events that arrive during a round trip make the next batch full.
     */
    private List<Pending> fill(Pending first) {
        List<Pending> batch = new ArrayList<>(BatchWriter.MAX_ITEMS);
        batch.add(first);
        buffer.drainTo(batch, BatchWriter.MAX_ITEMS - 1);
        long deadline = System.nanoTime() + batchDelayNanos;
        while (batch.size() < BatchWriter.MAX_ITEMS && open && othersInFlight()) {   // closing sends at once
            long left = Math.min(deadline - System.nanoTime(), POLL_NANOS);
            if (left <= 0) break;
            try {
                Pending next = buffer.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) continue;
                batch.add(next);
                buffer.drainTo(batch, BatchWriter.MAX_ITEMS - batch.size());
            } catch (InterruptedException e) {
                break;
            }
        }
        return batch;
    }

    /** Whether a batch other than the one being filled (which holds a permit) is in flight. */
    private boolean othersInFlight() {
        return inFlight.availablePermits() < concurrentBatches - 1;
    }

    private void deliver(List<Pending> batch) {
        List<AuditEvent> events = batch.stream().map(Pending::event).toList();
        if (spool.hasBacklog()) {
            toSpool(batch, "earlier events still wait in the spool");
            return;
        }
        try {
            BatchWriter.Refused r = writer.write(events);
            if (!r.events().isEmpty()) refuse(batch, r);
            Set<UUID> refusedIds = ids(r.events());
            for (Pending p : batch) {
                if (!refusedIds.contains(p.event().eventId())) p.durable().complete(null);
            }
        } catch (BatchWriter.Undelivered u) {
            Set<UUID> remaining = ids(u.events());
            List<Pending> toSpool = new ArrayList<>();
            for (Pending p : batch) {
                if (remaining.contains(p.event().eventId())) toSpool.add(p);
                else p.durable().complete(null);
            }
            toSpool(toSpool, u.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while writing audit events", e);
            fail(batch, new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit trail failed: " + e.getMessage()));
        }
    }

    private void toSpool(List<Pending> batch, String why) {
        if (batch.isEmpty()) return;
        boolean wasEmpty = !spool.hasBacklog();
        try {
            spool.append(batch.stream().map(Pending::event).toList());
        } catch (IOException e) {
            LOG.error("DynamoDB cannot take {} audit events ({}) and the spool {} cannot be written", batch.size(), why,
                    spool.directory(), e);
            fail(batch, new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit event could not be stored:"
                    + " DynamoDB cannot take it (" + why + ") and the local spool cannot be written (" + e.getMessage() + ")."));
            return;
        }
        spooled.add(batch.size());
        if (wasEmpty) {
            LOG.warn("DynamoDB cannot take audit events now ({}); they wait in the spool {} and are sent in order when it"
                    + " answers", why, spool.directory());
        }
        for (Pending p : batch) p.durable().complete(null);
        onSpooled.run();
    }

    /** DynamoDB will never take these: they are kept aside on the disk, and their callers are told. */
    private void refuse(List<Pending> batch, BatchWriter.Refused r) {
        refused.add(r.events().size());
        String where;
        try {
            where = "kept in " + spool.setAsideRejected(r.events());
        } catch (IOException e) {
            where = "and could not be kept aside (" + e.getMessage() + ")";
        }
        LOG.error("DynamoDB refused {} audit event(s) as invalid ({}); {}", r.events().size(), r.reason(), where);
        Set<UUID> ids = ids(r.events());
        UserPoolException failure = new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                "DynamoDB refused the audit event as invalid (" + r.reason() + ").");
        for (Pending p : batch) {
            if (ids.contains(p.event().eventId())) p.durable().completeExceptionally(failure);
        }
    }

    private static void fail(List<Pending> batch, UserPoolException e) {
        for (Pending p : batch) p.durable().completeExceptionally(e);
    }

    private static Set<UUID> ids(List<AuditEvent> events) {
        Set<UUID> ids = new HashSet<>();
        for (AuditEvent e : events) ids.add(e.eventId());
        return ids;
    }

    private static UserPoolException closed() {
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The audit trail is shutting down.");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
