package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.MailTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the outbox's pending messages to a {@link MailTransport}, oldest first, on one background
 * thread. A message stays pending until the server accepts it: a deferral (no connection, a 4xx
 * reply) is tried again after a back-off that doubles from {@link Options#retryFirst()} up to
 * {@link Options#retryMax()}; a rejection (5xx) is recorded as failed with the server's reply and not
 * tried again until an operator says so ({@link OutboxQueue#retryAll()}). After a deferral the whole
 * sender pauses for {@code retryFirst}, so that an unreachable server is not asked once per queued
 * message. Decisions use the injected clock; only the thread's idle wait is real time.
 *
 * <p>Delivery is at least once: if the process dies after the server accepted a message but before
 * that was recorded, the message is sent again once its claim ({@link Options#claimLease()}) ran out.
 */
public final class OutboxDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(10);

    /**
     * @param retryFirst the wait before the first retry (and the pause after any deferral)
     * @param retryMax   the longest wait between two attempts of one message
     * @param claimLease how long a claimed message is left alone by other senders: longer than a hand-over can take
     * @param idlePoll   how often an idle sender looks for messages other processes queued
     */
    public record Options(Duration retryFirst, Duration retryMax, Duration claimLease, Duration idlePoll) {
        public Options {
            requirePositive(retryFirst, "retryFirst");
            requirePositive(retryMax, "retryMax");
            requirePositive(claimLease, "claimLease");
            requirePositive(idlePoll, "idlePoll");
            if (retryMax.compareTo(retryFirst) < 0) throw new IllegalArgumentException("retryMax is shorter than retryFirst");
        }

        /** First retry after 5 s, then 10, 20, 40, 60, 60… s. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofSeconds(1));
        }

        public Options withRetry(Duration first, Duration max) {
            return new Options(first, max, claimLease, idlePoll);
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** What this sender did since it was built. */
    public record Statistics(long sent, long failed, long deferred) {}

    private final OutboxQueue queue;
    private final MailTransport transport;
    private final Clock clock;
    private final Options options;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile boolean stopping;
    private boolean wakeRequested;
    private Thread thread;

    public OutboxDelivery(OutboxQueue queue, MailTransport transport, Clock clock, Options options) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Starts the background thread (once); until then messages only wait. */
    public void start() {
        lock.lock();
        try {
            if (thread != null || stopping) return;
            thread = new Thread(this::run, "userpool-outbox-delivery");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
        LOG.info("Outbox delivery started: retries after {} doubling up to {}", options.retryFirst(), options.retryMax());
    }

    /** A message was queued: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public Statistics statistics() {
        return new Statistics(sent.get(), failed.get(), deferred.get());
    }

    /**
     * Hands over every message that is due now, one after the other, until none is due, the sender
     * pauses after a deferral, or it is closing. Answers how many messages were handed over.
     */
    public int deliverDue() {
        int handed = 0;
        while (!stopping && !clock.instant().isBefore(pausedUntil)) {
            var claimed = queue.claimNextDue(options.claimLease());
            if (claimed.isEmpty()) break;
            handOver(claimed.get());
            handed++;
        }
        return handed;
    }

    private void handOver(OutboxQueue.Claimed claimed) {
        String what = "Mail #" + claimed.id() + " (" + OutboxMailer.describe(claimed.message().kind()).toLowerCase(Locale.ROOT)
                + " for " + claimed.message().to().masked() + ")";
        MailTransport.Outcome outcome;
        try {
            outcome = transport.send(claimed.message());
        } catch (RuntimeException e) {
            // A transport answers rather than throws; should one throw anyway, the message waits like after a deferral.
            LOG.error("{}: the mail transport failed unexpectedly", what, e);
            outcome = new MailTransport.Deferred("the mail transport failed: " + e.getClass().getSimpleName());
        }
        String reply = masked(outcome.reply(), claimed.message().to());
        int attempts = claimed.attempts() + 1;
        if (outcome instanceof MailTransport.Accepted) {
            queue.recordAccepted(claimed.id(), outcome.reply());
            sent.incrementAndGet();
            LOG.info("{} accepted by the mail server after {} attempt(s): {}", what, attempts, reply);
        } else if (outcome instanceof MailTransport.Rejected) {
            queue.recordRejected(claimed.id(), outcome.reply());
            failed.incrementAndGet();
            LOG.warn("{} rejected by the mail server, not retried ('userpool mail retry' sends it again): {}", what, reply);
        } else {
            Instant now = clock.instant();
            Instant next = now.plus(delayAfter(attempts));
            queue.recordDeferred(claimed.id(), outcome.reply(), next);
            deferred.incrementAndGet();
            pausedUntil = now.plus(options.retryFirst());
            LOG.warn("{} not delivered (attempt {}), trying again at {}: {}", what, attempts, next, reply);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: retryFirst, doubled each time, at most retryMax. */
    Duration delayAfter(int attempts) {
        Duration delay = options.retryFirst();
        for (int i = 1; i < attempts && delay.compareTo(options.retryMax()) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(options.retryMax()) > 0 ? options.retryMax() : delay;
    }

    /** Servers often repeat the recipient in their reply; logs show addresses masked. */
    private static String masked(String reply, EmailAddress to) {
        String oneLine = reply.replaceAll("[\\r\\n]+", " ").strip();
        return Pattern.compile(Pattern.quote(to.value()), Pattern.CASE_INSENSITIVE).matcher(oneLine)
                .replaceAll(java.util.regex.Matcher.quoteReplacement(to.masked()));
    }

    private void run() {
        while (!stopping) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                if (stopping) break;
                LOG.error("Outbox delivery failed; trying again shortly", e);
            }
            awaitWork();
        }
    }

    /** Sleeps until the next message is due, the pause ends, a message is queued, or the poll interval passed. */
    private void awaitWork() {
        Instant now = clock.instant();
        Duration wait = options.idlePoll();
        if (now.isBefore(pausedUntil)) {
            wait = min(wait, Duration.between(now, pausedUntil));
        } else {
            try {
                var next = queue.nextDue();
                if (next.isPresent()) wait = min(wait, Duration.between(now, next.get()));
            } catch (RuntimeException e) {
                if (!stopping) LOG.debug("Could not read when the next message is due", e);
            }
        }
        if (wait.compareTo(SHORTEST_WAIT) < 0) wait = SHORTEST_WAIT;
        lock.lock();
        try {
            if (!wakeRequested && !stopping) woken.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops after the message being handed over, if any; what is still pending waits for the next start. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            stopping = true;
            woken.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running == null || running == Thread.currentThread()) return;
        try {
            running.join(options.claimLease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) LOG.warn("Outbox delivery did not stop within {}; its message is sent again later", options.claimLease());
    }
}
