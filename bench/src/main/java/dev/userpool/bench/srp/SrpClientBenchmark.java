package dev.userpool.bench.srp;

import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.Password;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Cognito SRP client's whole computation for one sign-in — {@code start()} (a fresh 1024-bit
 * {@code a} from the CSPRNG, {@code A = g^a}) and {@code answer(...)} ({@code u}, {@code x}, {@code g^x},
 * {@code S}, the HKDF key, TIMESTAMP and the HMAC signature) — against the bare {@link BigInteger}
 * arithmetic a textbook client cannot avoid:
 *
 * <ul>
 *   <li>{@code bareTwoModPows}: {@code g.modPow(a, N)} (1024-bit exponent) and
 *       {@code base.modPow(a + u·x, N)} (about 1280 bits) — the two that dominate, the baseline;</li>
 *   <li>{@code bareThreeModPows}: the same plus {@code g.modPow(x, N)} (256 bits), which the protocol
 *       also needs, for context.</li>
 * </ul>
 *
 * The goal is {@code fullClient / bareTwoModPows >= 0.9}. Inputs of the bare benchmarks cycle through
 * 64 random sets so nothing can be folded; the client's challenge is fixed (a random {@code B < N}: the
 * client's work does not depend on whether {@code B} came from an honest server). One thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(2)
@State(Scope.Benchmark)
public class SrpClientBenchmark {
    /** RFC 3526's 3072-bit MODP prime, DESIGN §6's N. */
    static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);
    private static final BigInteger G = BigInteger.TWO;
    private static final int SETS = 64;

    private SrpClient client;
    private PasswordVerifierChallenge challenge;
    private Password password;

    private final BigInteger[] a = new BigInteger[SETS];
    private final BigInteger[] x = new BigInteger[SETS];
    private final BigInteger[] base = new BigInteger[SETS];
    private final BigInteger[] exponent = new BigInteger[SETS];
    private int next;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        client = new SrpClient("eu-west-1_BenchPool1", Clock.systemUTC());
        byte[] secretBlock = new byte[1200]; // about the size Cognito sends
        random.nextBytes(secretBlock);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String userId = UUID.randomUUID().toString();
        challenge = new PasswordVerifierChallenge(new BigInteger(3072, random).mod(N).toString(16), HexFormat.of().formatHex(salt),
                Base64.getEncoder().encodeToString(secretBlock), userId, userId);
        password = Password.of("Correct-Horse-9!");
        for (int i = 0; i < SETS; i++) {
            a[i] = new BigInteger(1024, random);
            x[i] = new BigInteger(256, random);
            BigInteger u = new BigInteger(256, random);
            base[i] = new BigInteger(3072, random).mod(N);
            exponent[i] = a[i].add(u.multiply(x[i]));
        }
    }

    @Benchmark
    public PasswordClaim fullClient() {
        SrpStart start = client.start();
        return client.answer(start, challenge, password);
    }

    @Benchmark
    public void bareTwoModPows(Blackhole bh) {
        int i = next++ & (SETS - 1);
        bh.consume(G.modPow(a[i], N));
        bh.consume(base[i].modPow(exponent[i], N));
    }

    @Benchmark
    public void bareThreeModPows(Blackhole bh) {
        int i = next++ & (SETS - 1);
        bh.consume(G.modPow(a[i], N));
        bh.consume(G.modPow(x[i], N));
        bh.consume(base[i].modPow(exponent[i], N));
    }
}
