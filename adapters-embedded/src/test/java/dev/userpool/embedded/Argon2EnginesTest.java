package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The three Argon2id engines write the same PHC strings, so whichever one a machine runs reads every
 * hash the others made: changing engines (installing or removing libsodium, moving to another
 * platform) never locks an account out. And the choice prefers the fastest engine that loads.
 */
class Argon2EnginesTest {
    private static final byte[] PASSWORD = "Correct-Horse-9".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNICODE = "Grüße-日本-9!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG = "Correct-Horse-8".getBytes(StandardCharsets.UTF_8);
    private static final Argon2Parameters SMALL = new Argon2Parameters(256, 2, 1);

    @Test
    void libsodiumIsInstalledWhereTheBuildRuns() {
        // .ci/run installs libsodium23; without it the cross-checks below would silently skip libsodium
        assumeTrue("true".equals(System.getenv("CI")), "only CI promises libsodium23");
        assertThat(libsodium()).as("libsodium23 (apt-get install libsodium23)").isPresent();
    }

    @Test
    void everyEngineVerifiesEveryOthersHashes() {
        List<Argon2Engine> engines = engines();
        for (Argon2Engine maker : engines) {
            for (byte[] password : List.of(PASSWORD, UNICODE)) {
                String phc = maker.hash(password, SMALL);
                assertThat(phc).startsWith("$argon2id$v=19$m=256,t=2,p=1$");
                for (Argon2Engine checker : engines) {
                    String pair = maker.name() + " -> " + checker.name();
                    assertThat(checker.verify(phc, password)).as(pair).isTrue();
                    assertThat(checker.verify(phc, WRONG)).as(pair + " (wrong password)").isFalse();
                }
            }
        }
        assumeTrue(libsodium().isPresent(), "libsodium23 is not installed here: only argon2-jvm and Bouncy Castle were cross-checked");
    }

    @Test
    void hashesWithSeveralLanesVerifyOnEveryEngine() {
        // a pool once configured with p>1 keeps its hashes when libsodium (one lane only) takes over
        String phc = new BouncyCastleArgon2().hash(PASSWORD, new Argon2Parameters(256, 1, 2));
        for (Argon2Engine checker : engines()) {
            assertThat(checker.verify(phc, PASSWORD)).as(checker.name()).isTrue();
            assertThat(checker.verify(phc, WRONG)).as(checker.name()).isFalse();
        }
        assumeTrue(libsodium().isPresent(), "libsodium23 is not installed here: libsodium was not checked");
    }

    @Test
    void libsodiumRefusesToHashWithMoreThanOneLane() {
        SodiumArgon2 sodium = libsodiumOrSkip();
        assertThatThrownBy(() -> sodium.hash(PASSWORD, new Argon2Parameters(256, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void libsodiumNeverVerifiesSomethingThatIsNoArgon2idHash() {
        SodiumArgon2 sodium = libsodiumOrSkip();
        String good = sodium.hash(PASSWORD, SMALL);
        for (String bad : List.of("", "plain", good + "\0junk", good.replace("argon2id", "argon2i"),
                "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")) {
            assertThat(sodium.verify(bad, PASSWORD)).as(bad).isFalse();
        }
    }

    @Test
    void withHugePagesAlwaysLibsodiumComesFirstThenLibargon2ThenBouncyCastle() {
        assertThat(Argon2Engines.choose(SMALL, true, FakeEngine.named("libsodium"), FakeEngine.named("argon2-jvm")).name())
                .isEqualTo("libsodium");
        assertThat(Argon2Engines.choose(SMALL, true, FakeEngine::missing, FakeEngine.named("argon2-jvm")).name())
                .isEqualTo("argon2-jvm");
        assertThat(Argon2Engines.choose(SMALL, true, FakeEngine::missing, FakeEngine::missing).name())
                .isEqualTo("bouncy-castle");
    }

    @Test
    void withoutHugePagesLibargon2ComesFirstThenLibsodiumThenBouncyCastle() {
        assertThat(Argon2Engines.choose(SMALL, false, FakeEngine.named("libsodium"), FakeEngine.named("argon2-jvm")).name())
                .isEqualTo("argon2-jvm");
        assertThat(Argon2Engines.choose(SMALL, false, FakeEngine.named("libsodium"), FakeEngine::missing).name())
                .isEqualTo("libsodium");
        assertThat(Argon2Engines.choose(SMALL, false, FakeEngine::missing, FakeEngine::missing).name())
                .isEqualTo("bouncy-castle");
    }

    @Test
    void theHugePageModeIsReadFromTheKernelsSelection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("enabled");
        java.nio.file.Files.writeString(file, "[always] madvise never\n");
        assertThat(Argon2Engines.hugePagesAlways(file)).isTrue();
        java.nio.file.Files.writeString(file, "always [madvise] never\n");
        assertThat(Argon2Engines.hugePagesAlways(file)).isFalse();
        assertThat(Argon2Engines.hugePagesAlways(dir.resolve("missing"))).isFalse();
    }

    @Test
    void moreThanOneLaneSkipsLibsodium() {
        Argon2Parameters twoLanes = new Argon2Parameters(256, 1, 2);
        for (boolean always : new boolean[] {true, false}) {
            assertThat(Argon2Engines.choose(twoLanes, always, () -> {
                throw new AssertionError("libsodium must not even be tried for p=2");
            }, FakeEngine.named("argon2-jvm")).name()).isEqualTo("argon2-jvm");
        }
    }

    @Test
    void onThisMachineTheHasherUsesTheNativeEngineItsHugePagesFavour() {
        assumeTrue(libsodium().isPresent(), "libsodium23 is not installed here");
        boolean always = Argon2Engines.hugePagesAlways(Argon2Engines.THP_ENABLED);
        try (PasswordHasher hasher = PasswordHasher.create(Argon2Parameters.defaults(), 1)) {
            String expected = always ? "libsodium" : "argon2-jvm";
            assertThat(hasher.engineName()).isEqualTo(expected);
            assertThat(hasher.description()).isEqualTo(expected + " argon2id m=19456 t=2 p=1");
        }
    }

    @Test
    void theChoiceIsLoggedOnceAtInfoWithTheParameters() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(PasswordHasher.class);
        log.start();
        logger.addAppender(log);
        try (PasswordHasher hasher = PasswordHasher.create(SMALL, 1)) {
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("Password hashing"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.INFO);
                        assertThat(e.getFormattedMessage()).contains(hasher.engineName() + " argon2id m=256 t=2 p=1");
                    });
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aStartedHasherLogsItsChoiceOnceBeforeItIsReady() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(PasswordHasher.class);
        log.start();
        logger.addAppender(log);
        try (PasswordHasher hasher = PasswordHasher.start(SMALL, 1, 4)) {
            hasher.awaitReady();
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("Password hashing"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.INFO);
                        assertThat(e.getFormattedMessage()).contains(hasher.engineName() + " argon2id m=256 t=2 p=1, at most 1 at once");
                    });
        } finally {
            logger.detachAppender(log);
        }
    }

    private static List<Argon2Engine> engines() {
        List<Argon2Engine> engines = new java.util.ArrayList<>();
        libsodium().ifPresent(engines::add);
        nativeArgon2().ifPresent(engines::add);
        engines.add(new BouncyCastleArgon2());
        return engines;
    }

    private static SodiumArgon2 libsodiumOrSkip() {
        Optional<SodiumArgon2> sodium = libsodium();
        assumeTrue(sodium.isPresent(), "libsodium23 is not installed here (apt-get install libsodium23)");
        return sodium.get();
    }

    static Optional<SodiumArgon2> libsodium() {
        try {
            return Optional.of(SodiumArgon2.load());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<NativeArgon2> nativeArgon2() {
        try {
            return Optional.of(NativeArgon2.load());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An engine loader that loads a stand-in, or fails as a missing library does. */
    private record FakeEngine(String name) implements Argon2Engine {
        static java.util.function.Supplier<Argon2Engine> named(String name) {
            return () -> new FakeEngine(name);
        }

        static Argon2Engine missing() {
            throw new UnsatisfiedLinkError("no such library");
        }

        @Override
        public String hash(byte[] password, Argon2Parameters parameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verify(String phc, byte[] password) {
            return false;
        }

        @Override
        public boolean isNative() {
            return true;
        }
    }
}
