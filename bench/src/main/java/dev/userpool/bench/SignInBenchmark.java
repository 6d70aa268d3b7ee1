package dev.userpool.bench;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.embedded.Argon2Parameters;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.EmbeddedSettings;
import dev.userpool.embedded.OutboxMailer;
import dev.userpool.embedded.PasswordHasher;
import dev.userpool.embedded.SigningKeys;
import dev.userpool.embedded.SqliteAuthenticator;
import dev.userpool.embedded.SqliteUserDirectory;
import dev.userpool.embedded.StoredEmail;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Diagnosis for the HTTP sign-in figure: what a sign-in costs without HTTP. {@code adapterSignIn} is
 * {@link SqliteAuthenticator#signIn} (the Argon2id check with the default parameters, the lockout and
 * session rows in SQLite, and two RS256 tokens) on a throw-away database, one thread per core, the
 * hash bound set to the thread count like {@link Argon2VerifyBenchmark}, on the engine the app would
 * pick ({@code PasswordHasher.create}: libsodium where installed); compare it with that engine's
 * figure, {@code Argon2VerifyBenchmark.libsodiumVerify} at {@code cost=19456:2} (or {@code nativeVerify}). {@code rsaSign} is one bare {@code SHA256withRSA}
 * signature with a 2048-bit key (a sign-in makes two: the ID and the access token).
 * {@code adapterSignInCheapHash} is the same sign-in with an almost free hash: the adapter's own cost.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Threads.MAX)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class SignInBenchmark {
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @State(Scope.Benchmark)
    public static class Adapter {
        Argon2Parameters hashCost() {
            return Argon2Parameters.defaults();
        }

        Path dir;
        EmbeddedDatabase db;
        SqliteAuthenticator authenticator;
        EmailAddress email = new EmailAddress("bench@example.com");
        Password password = Password.of("Correct-Horse-9");

        @Setup
        public void setUp(BenchmarkParams params) throws IOException {
            dir = Files.createTempDirectory("userpool-bench-");
            db = EmbeddedDatabase.open(dir.resolve("userpool.db"));
            Clock clock = Clock.systemUTC();
            SigningKeys keys = SigningKeys.loadOrCreate(db);
            EmbeddedSettings settings = EmbeddedSettings.defaults(URI.create("http://127.0.0.1:8080"));
            PasswordHasher hasher = PasswordHasher.create(hashCost(), params.getThreads());
            if (!hasher.isNative()) throw new IllegalStateException("native libargon2 did not load on this machine");
            OutboxMailer outbox = new OutboxMailer(db, clock, false);
            SqliteUserDirectory directory = new SqliteUserDirectory(db, hasher, outbox, clock);
            authenticator = new SqliteAuthenticator(db, hasher, keys, settings, outbox, clock);
            User signedUp = directory.signUp(email, password, true).user();
            String code = null;
            for (StoredEmail m : outbox.messagesTo(email)) {
                Matcher matcher = SIX_DIGITS.matcher(m.textBody());
                if (matcher.find()) {
                    code = matcher.group(1);
                    break;
                }
            }
            directory.confirmSignUp(signedUp.confirm(ConfirmationMethod.CODE), ConfirmationCode.parse(code));
        }

        @TearDown
        public void tearDown() throws IOException {
            db.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The same sign-in with an almost free hash (m=8 KiB, t=1): what the adapter costs besides Argon2id. */
    @State(Scope.Benchmark)
    public static class AdapterWithCheapHash extends Adapter {
        @Override
        Argon2Parameters hashCost() {
            return new Argon2Parameters(8, 1, 1);
        }
    }

    @State(Scope.Benchmark)
    public static class RsaKey {
        KeyPair pair;
        byte[] input = "eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJ4In0".repeat(12).getBytes(StandardCharsets.US_ASCII);

        @Setup
        public void setUp() throws GeneralSecurityException {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            pair = g.generateKeyPair();
        }
    }

    /** One signer per benchmark thread, initialised once and reused, as the token issuer keeps them. */
    @State(Scope.Thread)
    public static class AwsLcSigner {
        Signature rsa;
        byte[] input = "eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJ4In0".repeat(12).getBytes(StandardCharsets.US_ASCII);

        @Setup
        public void setUp(RsaKey key) throws GeneralSecurityException {
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider accp =
                    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy();
            rsa = Signature.getInstance("SHA256withRSA", accp);
            rsa.initSign(key.pair.getPrivate());
        }
    }

    @Benchmark
    public Tokens adapterSignIn(Adapter s) {
        return s.authenticator.signIn(s.email, s.password).tokens();
    }

    @Benchmark
    public Tokens adapterSignInCheapHash(AdapterWithCheapHash s) {
        return s.authenticator.signIn(s.email, s.password).tokens();
    }

    /** The raw limit of the token issuer's signatures: AWS-LC through ACCP, a signer reused per thread. */
    @Benchmark
    public byte[] rsaSignAwsLc(AwsLcSigner s) throws GeneralSecurityException {
        s.rsa.update(s.input);
        return s.rsa.sign();
    }

    /** The JDK's RS256 as a fresh JCA signer does it (a Signature and a key conversion per token). */
    @Benchmark
    public byte[] rsaSign(RsaKey s) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(s.pair.getPrivate());
        rsa.update(s.input);
        return rsa.sign();
    }
}
