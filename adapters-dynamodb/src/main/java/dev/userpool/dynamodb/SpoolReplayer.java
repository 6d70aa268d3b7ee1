package dev.userpool.dynamodb;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background task that offers the spool to DynamoDB, oldest events first, 25 at a time, and
 * moves on only once DynamoDB has a batch. While DynamoDB does not answer it waits longer and longer
 * (jittered, capped), so that an outage is not made worse by the retries. It also looks now and then
 * for segments a crashed process left behind.
 */
final class SpoolReplayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolReplayer.class);
    private static final long IDLE_WAIT_MILLIS = 1_000;

    private final Spool spool;
    private final BatchWriter writer;
    private final Backoff backoff;
    private final long orphanScanNanos;
    private final Thread thread;
    private final Object signal = new Object();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private boolean woken;
    private volatile boolean running = true;

    SpoolReplayer(Spool spool, BatchWriter writer, Backoff backoff, Duration orphanScanInterval) {
        this.spool = spool;
        this.writer = writer;
        this.backoff = backoff;
        this.orphanScanNanos = orphanScanInterval.toNanos();
        this.thread = new Thread(this::run, "userpool-audit-spool-replay");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** New events were spooled: look now rather than at the next idle check. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    long replayed() {
        return replayed.sum();
    }

    long refused() {
        return refused.sum();
    }

    /**
     * Stops after the batch in flight, if any. What is not replayed stays in the spool for the next
     * start; the thread is interrupted only if it does not stop by itself in time.
     */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long nextScan = System.nanoTime() + orphanScanNanos;
        int failures = 0;
        while (running) {
            try {
                if (System.nanoTime() - nextScan >= 0) {
                    spool.adoptOrphans();
                    nextScan = System.nanoTime() + orphanScanNanos;
                }
                Optional<Spool.Batch> batch = spool.next(BatchWriter.MAX_ITEMS);
                if (batch.isEmpty()) {
                    awaitWork();
                    continue;
                }
                replay(batch.get());
                if (failures > 0) LOG.info("DynamoDB takes audit events again; replaying the spool {}", spool.directory());
                failures = 0;
                if (!spool.hasBacklog()) LOG.info("The audit spool {} is empty again: DynamoDB has every event", spool.directory());
            } catch (BatchWriter.Undelivered e) {
                failures++;
                if (failures == 1) {
                    LOG.warn("DynamoDB cannot take spooled audit events yet ({}); trying again with backoff up to {}",
                            e.getMessage(), backoff.cap());
                }
                pause(backoff.delay(failures, ThreadLocalRandom.current()));
            } catch (IOException | RuntimeException e) {
                failures++;
                LOG.error("Replaying the audit spool {} failed; trying again", spool.directory(), e);
                pause(backoff.delay(failures, ThreadLocalRandom.current()));
            }
        }
    }

    private void replay(Spool.Batch batch) throws BatchWriter.Undelivered, IOException {
        BatchWriter.Refused r = writer.write(batch.events());
        if (!r.events().isEmpty()) {
            LOG.error("DynamoDB refused {} spooled audit event(s) as invalid ({}); they are kept in {}", r.events().size(),
                    r.reason(), spool.setAsideRejected(r.events()));
            refused.add(r.events().size());
        }
        spool.acknowledge(batch);
        replayed.add(batch.events().size() - r.events().size());
    }

    private void awaitWork() {
        synchronized (signal) {
            try {
                if (!woken && running) signal.wait(IDLE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                running = false;
            }
            woken = false;
        }
    }

    /** Waits out a backoff; new events do not cut it short, only closing does. */
    private void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        synchronized (signal) {
            while (running) {
                long left = until - System.nanoTime();
                if (left <= 0) return;
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    running = false;
                }
            }
        }
    }
}
