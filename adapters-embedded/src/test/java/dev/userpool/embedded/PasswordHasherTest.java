package dev.userpool.embedded;

import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    private static final String PHC = "^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$";

    private final PasswordHasher nativeHasher = PasswordHasher.create(Argon2Parameters.defaults(), 2);
    private final PasswordHasher javaHasher = PasswordHasher.bouncyCastle(Argon2Parameters.defaults(), 2);

    @Test
    void defaultParametersAreOwaspsArgon2idMinimum() {
        assertThat(Argon2Parameters.defaults()).isEqualTo(new Argon2Parameters(19_456, 2, 1));
    }

    @Test
    void parametersArgon2CannotRunAreRefused() {
        assertThatThrownBy(() -> new Argon2Parameters(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(64, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Parameters(64, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNativeLibraryLoadsOnThisMachine() {
        // argon2-jvm bundles libargon2 for linux-x86-64; elsewhere create() falls back (and this documents it).
        assumeTrue("amd64".equals(System.getProperty("os.arch")) && System.getProperty("os.name").startsWith("Linux"));
        assertThat(nativeHasher.isNative()).isTrue();
        assertThat(javaHasher.isNative()).isFalse();
    }

    @Test
    void bothImplementationsWriteStandardPhcStringsWithTheirParameters() {
        for (PasswordHasher hasher : List.of(nativeHasher, javaHasher)) {
            String phc = hasher.hash(PASSWORD);
            assertThat(phc).matches(PHC).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(phc).doesNotContain(PASSWORD.reveal());
        }
    }

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        for (PasswordHasher hasher : List.of(nativeHasher, javaHasher)) {
            String phc = hasher.hash(PASSWORD);
            assertThat(hasher.verify(phc, PASSWORD)).isTrue();
            assertThat(hasher.verify(phc, Password.of("Correct-Horse-8"))).isFalse();
        }
    }

    @Test
    void saltsDifferSoEqualPasswordsHashDifferently() {
        assertThat(javaHasher.hash(PASSWORD)).isNotEqualTo(javaHasher.hash(PASSWORD));
        assertThat(nativeHasher.hash(PASSWORD)).isNotEqualTo(nativeHasher.hash(PASSWORD));
    }

    @Test
    void eachImplementationVerifiesTheOthersHashes() {
        assumeTrue(nativeHasher.isNative(), "libargon2 is not available here");
        Password unicode = Password.of("Grüße-日本-9!");

        assertThat(javaHasher.verify(nativeHasher.hash(PASSWORD), PASSWORD)).isTrue();
        assertThat(nativeHasher.verify(javaHasher.hash(PASSWORD), PASSWORD)).isTrue();
        assertThat(javaHasher.verify(nativeHasher.hash(unicode), unicode)).isTrue();
        assertThat(nativeHasher.verify(javaHasher.hash(unicode), unicode)).isTrue();
        assertThat(nativeHasher.verify(javaHasher.hash(PASSWORD), unicode)).isFalse();
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifies() {
        PasswordHasher cheap = PasswordHasher.bouncyCastle(new Argon2Parameters(64, 1, 1), 1);
        String old = cheap.hash(PASSWORD);

        assertThat(javaHasher.verify(old, PASSWORD)).isTrue();
        assertThat(nativeHasher.verify(old, PASSWORD)).isTrue();
    }

    @Test
    void somethingThatIsNoArgon2idHashNeverVerifies() {
        for (PasswordHasher hasher : List.of(nativeHasher, javaHasher)) {
            for (String bad : List.of("", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                    "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", "$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$aGFzaA",
                    "$argon2id$v=19$m=64,t=1,p=1$!!!$aGFzaGhhc2g")) {
                assertThat(hasher.verify(bad, PASSWORD)).as(bad).isFalse();
            }
        }
    }

    @Test
    void startedHashersAnswerOnceTheirEngineIsLoadedAndCallersWaitForIt() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        CountingEngine engine = new CountingEngine(0);
        PasswordHasher hasher = PasswordHasher.start(() -> {
            try {
                loaded.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return engine;
        }, EmbeddedTestbed.CHEAP, 1, 2);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> hash = caller.submit(() -> hasher.hash(PASSWORD));
            Thread.sleep(100);
            assertThat(hash).as("waits for the engine").isNotDone();
            loaded.countDown();
            assertThat(hash.get(10, TimeUnit.SECONDS)).startsWith("$argon2id$");
            hasher.awaitReady();
            assertThat(hasher.engineName()).isEqualTo(engine.name());
            assertThat(engine.hashes.get()).as("the decoy, then the caller's").isEqualTo(2);
        } finally {
            caller.shutdownNow();
            hasher.close();
        }
    }

    @Test
    void anEngineThatFailsToLoadFailsTheStartAndEveryHash() {
        IllegalStateException failure = new IllegalStateException("no memory for Argon2");
        PasswordHasher hasher = PasswordHasher.start(() -> {
            throw failure;
        }, EmbeddedTestbed.CHEAP, 1, 2);
        try {
            assertThatThrownBy(hasher::awaitReady).isSameAs(failure);
            assertThatThrownBy(() -> hasher.hash(PASSWORD)).isSameAs(failure);
            assertThatThrownBy(hasher::burnOneHash).isSameAs(failure);
        } finally {
            hasher.close();
        }
    }

    @Test
    void burningAHashCostsAVerification() {
        CountingEngine engine = new CountingEngine(0);
        PasswordHasher hasher = new PasswordHasher(engine, EmbeddedTestbed.CHEAP, 1);
        int hashesAtStart = engine.hashes.get();

        hasher.burnOneHash();

        assertThat(engine.verifications.get()).isEqualTo(1);
        assertThat(engine.hashes.get()).isEqualTo(hashesAtStart);
    }

    @Test
    void atMostTheAllowedNumberOfHashesRunAtOnce() throws Exception {
        for (int allowed : new int[] {1, 2}) {
            CountingEngine engine = new CountingEngine(20);
            PasswordHasher hasher = new PasswordHasher(engine, EmbeddedTestbed.CHEAP, allowed);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(pool.submit(i % 3 == 0 ? () -> hasher.burnOneHash() : () -> hasher.hash(PASSWORD)));
            }
            for (Future<?> f : calls) f.get(30, TimeUnit.SECONDS);
            pool.shutdown();

            assertThat(engine.mostAtOnce.get()).as("allowed %d", allowed).isEqualTo(allowed);
        }
    }

    @Test
    void pastTheQueueAHashIsRefusedAtOnceWithTooManyRequests() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PasswordHasher hasher = new PasswordHasher(blockingEngine(release), EmbeddedTestbed.CHEAP, 1, 2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> admitted = new ArrayList<>();
            for (int i = 0; i < 3; i++) admitted.add(pool.submit(hasher::burnOneHash));   // one running, two waiting
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hasher.waiting() < 2 && System.nanoTime() < deadline) Thread.sleep(5);

            long t0 = System.nanoTime();
            var refused = assertThrows(UserPoolException.class, () -> hasher.verify("$argon2id$x", PASSWORD));
            assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("refused without waiting").isLessThan(1_000);

            release.countDown();
            for (Future<?> f : admitted) f.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            hasher.close();
        }
    }

    @Test
    void hashesRunOnTheHashingThreadsNotTheCallers() {
        java.util.concurrent.atomic.AtomicReference<String> thread = new java.util.concurrent.atomic.AtomicReference<>();
        PasswordHasher hasher = new PasswordHasher(new CountingEngine(0) {
            @Override
            public boolean verify(String phc, byte[] password) {
                thread.set(Thread.currentThread().getName());
                return super.verify(phc, password);
            }
        }, EmbeddedTestbed.CHEAP, 1);
        hasher.burnOneHash();
        assertThat(thread.get()).startsWith("argon2-");
        hasher.close();
    }

    /** An engine whose every verification waits for {@code release}, and then fails. */
    private static Argon2Engine blockingEngine(CountDownLatch release) {
        return new CountingEngine(0) {
            @Override
            public boolean verify(String phc, byte[] password) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };
    }

    @Test
    void waitingCountsTheHashesQueuedForASlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PasswordHasher hasher = new PasswordHasher(blockingEngine(release), EmbeddedTestbed.CHEAP, 1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) calls.add(pool.submit(hasher::burnOneHash));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hasher.waiting() < 2 && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(hasher.waiting()).isEqualTo(2);

        release.countDown();
        for (Future<?> f : calls) f.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(hasher.waiting()).isZero();
    }

    @Test
    void aPasswordNeverAppearsInWhatTheHasherPrints() {
        assertThat(nativeHasher.toString()).doesNotContain(PASSWORD.reveal());
        assertThat(PASSWORD.toString()).doesNotContain(PASSWORD.reveal());
    }

    /** Counts calls and the most that ran at the same time; each call takes {@code millis}. */
    static class CountingEngine implements Argon2Engine {
        final AtomicInteger hashes = new AtomicInteger();
        final AtomicInteger verifications = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final long millis;

        CountingEngine(long millis) {
            this.millis = millis;
        }

        @Override
        public String hash(byte[] password, Argon2Parameters parameters) {
            hashes.incrementAndGet();
            work();
            return "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA";
        }

        @Override
        public boolean verify(String phc, byte[] password) {
            verifications.incrementAndGet();
            work();
            return false;
        }

        private void work() {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public boolean isNative() {
            return false;
        }
    }
}
