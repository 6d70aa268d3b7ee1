package dev.userpool.bench;

import dev.userpool.core.domain.Password;
import dev.userpool.embedded.Argon2Parameters;
import dev.userpool.embedded.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Raw Argon2id verifications per second with the default parameters (m=19456 KiB, t=2, p=1) — and,
 * for libsodium, with each of OWASP's equivalent settings — one
 * benchmark thread per core ({@link Threads#MAX} = {@code availableProcessors()}). The hasher's bound on
 * concurrent hashes is set to the thread count, so it never makes a thread wait: this is the ceiling
 * that the sign-in endpoint is compared with.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Threads.MAX)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(2)
public class Argon2VerifyBenchmark {
    static final Password PASSWORD = Password.of("Correct-Horse-9");

    /** libargon2 through argon2-jvm; the set-up fails where it cannot load, rather than measure another engine. */
    @State(Scope.Benchmark)
    public static class NativeHasher {
        PasswordHasher hasher;
        String phc;

        @Setup
        public void setUp(BenchmarkParams params) {
            hasher = PasswordHasher.libargon2(Argon2Parameters.defaults(), params.getThreads());
            phc = checkedHash(hasher);
        }
    }

    /**
     * libsodium (the engine the app prefers), at each of OWASP's equivalent Argon2id settings
     * ({@code memoryKiB:iterations}, p=1): the cost figures of the README's table. Fails where
     * libsodium23 is not installed.
     */
    @State(Scope.Benchmark)
    public static class LibsodiumHasher {
        @Param({"19456:2", "47104:1", "12288:3", "9216:4", "7168:5"})
        public String cost;

        PasswordHasher hasher;
        String phc;

        @Setup
        public void setUp(BenchmarkParams params) {
            String[] mt = cost.split(":");
            Argon2Parameters parameters = new Argon2Parameters(Integer.parseInt(mt[0]), Integer.parseInt(mt[1]), 1);
            hasher = PasswordHasher.libsodium(parameters, params.getThreads());
            phc = hasher.hash(PASSWORD);
            if (!phc.startsWith("$argon2id$v=19$m=" + mt[0] + ",t=" + mt[1] + ",p=1$")) {
                throw new IllegalStateException("unexpected hash: " + phc);
            }
            if (!hasher.verify(phc, PASSWORD)) throw new IllegalStateException("the hash does not verify");
        }
    }

    @State(Scope.Benchmark)
    public static class BouncyCastleHasher {
        PasswordHasher hasher;
        String phc;

        @Setup
        public void setUp(BenchmarkParams params) {
            hasher = PasswordHasher.bouncyCastle(Argon2Parameters.defaults(), params.getThreads());
            phc = checkedHash(hasher);
        }
    }

    static String checkedHash(PasswordHasher hasher) {
        String phc = hasher.hash(PASSWORD);
        if (!phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")) throw new IllegalStateException("unexpected hash: " + phc);
        if (!hasher.verify(phc, PASSWORD)) throw new IllegalStateException("the hash does not verify");
        return phc;
    }

    @Benchmark
    public boolean nativeVerify(NativeHasher s) {
        return s.hasher.verify(s.phc, PASSWORD);
    }

    @Benchmark
    public boolean libsodiumVerify(LibsodiumHasher s) {
        return s.hasher.verify(s.phc, PASSWORD);
    }

    @Benchmark
    public boolean bouncyCastleVerify(BouncyCastleHasher s) {
        return s.hasher.verify(s.phc, PASSWORD);
    }
}
