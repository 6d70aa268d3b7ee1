package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id password hashes as PHC strings. Each hash takes {@code memoryKiB} of memory, so at most
 * {@code maxConcurrentHashes} run at once and the rest wait their turn: a flood of sign-ins slows
 * down instead of exhausting memory.
 */
public final class PasswordHasher {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);

    private final Argon2Engine engine;
    private final Argon2Parameters parameters;
    private final Semaphore slots;
    private final String decoyHash;

    PasswordHasher(Argon2Engine engine, Argon2Parameters parameters, int maxConcurrentHashes) {
        if (maxConcurrentHashes < 1) throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.slots = new Semaphore(maxConcurrentHashes, true);
        byte[] decoy = new byte[16];
        new SecureRandom().nextBytes(decoy);
        this.decoyHash = engine.hash(decoy, parameters);
    }

    /** Native libargon2, or Bouncy Castle (with a warning) when the native library cannot load here. */
    public static PasswordHasher create(Argon2Parameters parameters, int maxConcurrentHashes) {
        Argon2Engine engine;
        try {
            engine = NativeArgon2.load();
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Native Argon2 (libargon2) could not load ({}); hashing passwords with the slower"
                    + " pure-Java Bouncy Castle implementation", e.getClass().getSimpleName());
            engine = new BouncyCastleArgon2();
        }
        return new PasswordHasher(engine, parameters, maxConcurrentHashes);
    }

    /** Always the pure-Java implementation (tests, benchmarks, machines without libargon2). */
    public static PasswordHasher bouncyCastle(Argon2Parameters parameters, int maxConcurrentHashes) {
        return new PasswordHasher(new BouncyCastleArgon2(), parameters, maxConcurrentHashes);
    }

    public String hash(Password password) {
        return withPasswordBytes(password, bytes -> engine.hash(bytes, parameters));
    }

    /** Whether {@code password} matches {@code phc}; false also for a string that is not an Argon2id hash. */
    public boolean verify(String phc, Password password) {
        return withPasswordBytes(password, bytes -> engine.verify(phc, bytes));
    }

    /**
     * Spends what a {@link #verify} costs, without a result: answering an unknown user as slowly as a
     * known one keeps sign-in timing from telling which addresses have accounts.
     */
    public void burnOneHash() {
        byte[] guess = new byte[16];
        new SecureRandom().nextBytes(guess);
        inSlot(() -> engine.verify(decoyHash, guess));
    }

    public boolean isNative() {
        return engine.isNative();
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    /** Hashes waiting for a slot now. */
    public int waiting() {
        return slots.getQueueLength();
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

    private <T> T inSlot(Supplier<T> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting to hash a password.");
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
