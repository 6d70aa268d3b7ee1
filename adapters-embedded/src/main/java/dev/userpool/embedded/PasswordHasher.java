package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id password hashes as PHC strings, computed on a fixed pool of hashing threads with a bounded
 * wait queue. Each hash takes {@code memoryKiB} of memory: a fixed pool bounds both the memory in use
 * and the native allocator's per-thread arenas (hashing on every request thread let the process grow
 * by a gigabyte under a flood), and the bounded queue makes a flood answer {@code TooManyRequests} at
 * once instead of tying up every request thread — so other routes, {@code /health} among them, keep
 * answering. Every engine, libsodium's included, runs on these threads (all but the one decoy hash made
 * at the start, by the caller of the constructor or on {@link #start}'s thread).
 */
public final class PasswordHasher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);
    /** Hashes that may wait for a thread when none is given ({@code USERPOOL_HASH_QUEUE}'s default). */
    public static final int DEFAULT_QUEUE = 64;
    static final String BUSY = "Too many sign-ins are being checked at once; try again in a moment.";

    private final Argon2Parameters parameters;
    private final ThreadPoolExecutor threads;
    /** The engine and the decoy hash: made in the constructor, or on a thread of their own by {@link #start}. */
    private final CompletableFuture<Ready> ready;
    private final AtomicLong upgraded = new AtomicLong();

    /** The engine, and a hash of a random password that {@link #burnOneHash} verifies against. */
    private record Ready(Argon2Engine engine, String decoyHash) {}

    PasswordHasher(Argon2Engine engine, Argon2Parameters parameters, int maxConcurrentHashes) {
        this(engine, parameters, maxConcurrentHashes, DEFAULT_QUEUE);
    }

    PasswordHasher(Argon2Engine engine, Argon2Parameters parameters, int maxConcurrentHashes, int maxWaiting) {
        this(CompletableFuture.completedFuture(prepare(Objects.requireNonNull(engine, "engine"), parameters)), parameters,
                maxConcurrentHashes, maxWaiting);
    }

    private PasswordHasher(CompletableFuture<Ready> ready, Argon2Parameters parameters, int maxConcurrentHashes, int maxWaiting) {
        if (maxConcurrentHashes < 1) throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
        if (maxWaiting < 0) throw new IllegalArgumentException("maxWaiting must not be negative");
        this.ready = ready;
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        BlockingQueue<Runnable> queue = maxWaiting == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(maxWaiting);
        AtomicInteger numbers = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(maxConcurrentHashes, maxConcurrentHashes, 0, TimeUnit.SECONDS, queue, work -> {
            Thread t = new Thread(work, "argon2-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    private static Ready prepare(Argon2Engine engine, Argon2Parameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        byte[] decoy = new byte[16];
        new SecureRandom().nextBytes(decoy);
        return new Ready(engine, engine.hash(decoy, parameters));
    }

    /**
     * The fastest engine that works here ({@link Argon2Engines}: libsodium, libargon2, Bouncy Castle),
     * named once in the log with the parameters.
     */
    public static PasswordHasher create(Argon2Parameters parameters, int maxConcurrentHashes) {
        return create(parameters, maxConcurrentHashes, DEFAULT_QUEUE);
    }

    /** As {@link #create(Argon2Parameters, int)}, with at most {@code maxWaiting} hashes waiting for a thread. */
    public static PasswordHasher create(Argon2Parameters parameters, int maxConcurrentHashes, int maxWaiting) {
        PasswordHasher hasher = new PasswordHasher(Argon2Engines.choose(parameters), parameters, maxConcurrentHashes,
                maxWaiting);
        LOG.info("Password hashing: {}, at most {} at once", hasher.description(), maxConcurrentHashes);
        return hasher;
    }

    /**
     * As {@link #create(Argon2Parameters, int, int)}, but returns at once: the engine is chosen and loaded,
     * and the decoy hash made, on a thread of their own ({@code argon2-start}), while the caller goes on
     * (the service's start-up opens its database and builds its HTTP server meanwhile, on the other core).
     * Hashes asked for before that is done wait for it on their hashing thread; {@link #awaitReady} waits
     * for it, and throws what it failed with, so that a service does not start listening without it.
     */
    public static PasswordHasher start(Argon2Parameters parameters, int maxConcurrentHashes, int maxWaiting) {
        return start(() -> Argon2Engines.choose(parameters), parameters, maxConcurrentHashes, maxWaiting);
    }

    /** As {@link #start(Argon2Parameters, int, int)}, with the engine from {@code engine} (tests make it slow or fail). */
    static PasswordHasher start(Supplier<Argon2Engine> engine, Argon2Parameters parameters, int maxConcurrentHashes,
                                int maxWaiting) {
        CompletableFuture<Ready> ready = new CompletableFuture<>();
        PasswordHasher hasher = new PasswordHasher(ready, parameters, maxConcurrentHashes, maxWaiting);
        Thread start = new Thread(() -> {
            try {
                Ready prepared = prepare(engine.get(), parameters);
                LOG.info("Password hashing: {}, at most {} at once", describe(prepared.engine(), parameters), maxConcurrentHashes);
                ready.complete(prepared);   // after the line: whoever waited for it finds it logged
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
        }, "argon2-start");
        start.setDaemon(true);
        start.start();
        return hasher;
    }

    /** Waits until the engine is loaded and the decoy hash made ({@link #start}); throws what that failed with. */
    public void awaitReady() {
        ready();
    }

    private Ready ready() {
        try {
            return ready.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** Always libsodium (tests, benchmarks); an {@link UnsatisfiedLinkError} where it is not installed. */
    public static PasswordHasher libsodium(Argon2Parameters parameters, int maxConcurrentHashes) {
        return new PasswordHasher(SodiumArgon2.load(), parameters, maxConcurrentHashes);
    }

    /** Always libargon2 through argon2-jvm (tests, benchmarks); an error where it cannot load. */
    public static PasswordHasher libargon2(Argon2Parameters parameters, int maxConcurrentHashes) {
        return new PasswordHasher(NativeArgon2.load(), parameters, maxConcurrentHashes);
    }

    /** Always the pure-Java implementation (tests, benchmarks, machines without libargon2). */
    public static PasswordHasher bouncyCastle(Argon2Parameters parameters, int maxConcurrentHashes) {
        return new PasswordHasher(new BouncyCastleArgon2(), parameters, maxConcurrentHashes);
    }

    public String hash(Password password) {
        return withPasswordBytes(password, bytes -> ready().engine().hash(bytes, parameters));
    }

    /** Whether {@code password} matches {@code phc}; false also for a string that is not an Argon2id hash. */
    public boolean verify(String phc, Password password) {
        return withPasswordBytes(password, bytes -> ready().engine().verify(phc, bytes));
    }

    /**
     * Spends what a {@link #verify} costs, without a result: answering an unknown user as slowly as a
     * known one keeps sign-in timing from telling which addresses have accounts.
     */
    public void burnOneHash() {
        byte[] guess = new byte[16];
        new SecureRandom().nextBytes(guess);
        inSlot(() -> {
            Ready r = ready();
            return r.engine().verify(r.decoyHash(), guess);
        });
    }

    public boolean isNative() {
        return ready().engine().isNative();
    }

    /** The engine in use: libsodium, argon2-jvm or bouncy-castle. */
    public String engineName() {
        return ready().engine().name();
    }

    /** The engine and the cost of a new hash, e.g. {@code libsodium argon2id m=19456 t=2 p=1}. */
    public String description() {
        return describe(ready().engine(), parameters);
    }

    private static String describe(Argon2Engine engine, Argon2Parameters parameters) {
        return engine.name() + " argon2id " + parameters.summary();
    }

    /**
     * Whether a stored hash was made otherwise than a new one would be (other parameters, or not an
     * Argon2id v19 hash at all): after its password is proven, it is worth hashing again.
     */
    public boolean isOutdated(String phc) {
        return PhcString.parse(phc).map(p -> !p.parameters().equals(parameters)).orElse(true);
    }

    /** The parameters a stored hash was made with, when it is an Argon2id v19 hash. */
    Optional<Argon2Parameters> parametersOf(String phc) {
        return PhcString.parse(phc).map(PhcString::parameters);
    }

    /** Stored hashes replaced by one with the current parameters since start ({@link SqliteAuthenticator}). */
    public long upgradedHashes() {
        return upgraded.get();
    }

    void countUpgrade() {
        upgraded.incrementAndGet();
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    /** Hashes waiting for a thread now. */
    public int waiting() {
        return threads.getQueue().size();
    }

    /** Stops the hashing threads; hashes asked for afterwards are refused. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    private <T> T withPasswordBytes(Password password, java.util.function.Function<byte[], T> work) {
        Objects.requireNonNull(password, "password");
        byte[] bytes = password.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return inSlot(() -> work.apply(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Runs {@code work} on a hashing thread and waits for it; refused at once when the queue is full. */
    private <T> T inSlot(Supplier<T> work) {
        Future<T> result;
        try {
            result = threads.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, BUSY);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting to hash a password.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("Argon2 failed", e.getCause());
        }
    }
}
