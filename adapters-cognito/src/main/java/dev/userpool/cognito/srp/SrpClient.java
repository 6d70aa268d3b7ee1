package dev.userpool.cognito.srp;

import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.srp.CognitoTimestamp;
import dev.userpool.srp.PasswordClaimSignature;
import dev.userpool.srp.SrpGroup;
import dev.userpool.srp.SrpPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Cognito's SRP-6a client ({@code USER_SRP_AUTH} → {@code PASSWORD_VERIFIER}), exactly as DESIGN §6
 * and the official JavaScript client compute it: the password never leaves this class, only a proof.
 *
 * <pre>
 * SrpStart start = srp.start();                                  // SRP_A for InitiateAuth
 * PasswordVerifierChallenge challenge = PasswordVerifierChallenge.from(response.challengeParameters());
 * PasswordClaim claim = srp.answer(start, challenge, password);  // ChallengeResponses for RespondToAuthChallenge
 * </pre>
 *
 * <p>The arithmetic both sides share (group, hashes, {@code x}, HKDF, signature, TIMESTAMP) is the
 * {@code srp} library's ({@code dev.userpool.srp}); the client's own part is drawing {@code a} and the
 * fixed-base powers of {@code g}.
 *
 * <p>Thread-safe: it holds only the pool name, the clock and a {@link SecureRandom}; every sign-in has
 * its own {@link SrpStart}. Refuses a challenge whose {@code B mod N = 0} or whose {@code u = 0}, as
 * SRP-6a requires, with {@code NotAuthorized}. The {@code TIMESTAMP} comes from the injected clock.
 */
public final class SrpClient {
    /** The bit length of the secret {@code a}, as the JavaScript client draws it. */
    static final int SMALL_A_BITS = SrpGroup.EPHEMERAL_BITS;

    // Cognito's own check (the JavaScript client's CognitoUserPool): region, '_', pool name.
    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

    // Built once per JVM, when the first client is made, so no sign-in waits for it.
    private static final FixedBasePowers G_POWERS = new FixedBasePowers(SrpGroup.G, SrpGroup.N, SMALL_A_BITS);

    private final String poolName;
    private final Clock clock;
    private final SecureRandom random;

    /** @param userPoolId like {@code eu-west-1_AbCdEf123}; the part after {@code _} is the pool name that SRP hashes */
    public SrpClient(String userPoolId, Clock clock) {
        this(userPoolId, clock, new SecureRandom());
    }

    SrpClient(String userPoolId, Clock clock, SecureRandom random) {
        Objects.requireNonNull(userPoolId, "userPoolId");
        if (!USER_POOL_ID.matcher(userPoolId).matches()) {
            throw new IllegalArgumentException("not a Cognito user pool id (like eu-west-1_AbCdEf123): " + userPoolId);
        }
        this.poolName = userPoolId.substring(userPoolId.indexOf('_') + 1);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh secret {@code a} of 1024 random bits and {@code A = g^a mod N}, drawn again in the (impossible in practice) case {@code A mod N = 0}. */
    public SrpStart start() {
        while (true) {
            BigInteger a = new BigInteger(SMALL_A_BITS, random);
            BigInteger bigA = G_POWERS.pow(a);
            if (bigA.signum() != 0) return new SrpStart(bigA.toString(16), new SrpStart.Ephemeral(a, bigA));
        }
    }

    /** Tests only: the start for a given secret {@code a}, to compare with reference values. */
    SrpStart start(BigInteger a) {
        if (a.signum() < 0) throw new IllegalArgumentException("a must not be negative");
        BigInteger bigA = G_POWERS.pow(a);
        if (bigA.signum() == 0) throw new IllegalArgumentException("A mod N = 0");
        return new SrpStart(bigA.toString(16), new SrpStart.Ephemeral(a, bigA));
    }

    /**
     * The password claim answering {@code challenge} for the sign-in begun with {@code start}, signed
     * with the current time of the clock.
     *
     * @throws UserPoolException {@code NotAuthorized} if the challenge's {@code B mod N = 0} or {@code u = 0}
     */
    public PasswordClaim answer(SrpStart start, PasswordVerifierChallenge challenge, Password password) {
        Computation c = compute(start, challenge, password);
        return new PasswordClaim(challenge.username(), challenge.secretBlock(), c.timestamp(), c.signature());
    }

    /** Every intermediate value of DESIGN §6, for {@link #answer} and the reference tests. */
    Computation compute(SrpStart start, PasswordVerifierChallenge challenge, Password password) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(password, "password");
        BigInteger a = start.ephemeral().a;
        BigInteger bigA = start.ephemeral().bigA;
        BigInteger bigB = new BigInteger(challenge.srpB(), 16);
        if (bigB.mod(SrpGroup.N).signum() == 0) {
            throw UserPoolException.notAuthorized("Cognito's SRP challenge is invalid (B mod N = 0); sign-in refused");
        }
        BigInteger u = SrpGroup.scrambler(bigA, bigB);
        if (u.signum() == 0) {
            throw UserPoolException.notAuthorized("Cognito's SRP challenge is invalid (u = 0); sign-in refused");
        }
        BigInteger salt = new BigInteger(challenge.salt(), 16);
        BigInteger x = SrpPrivateKey.x(poolName, challenge.userIdForSrp(), password.reveal(), salt);
        // S = (B − k·g^x)^(a + u·x) mod N; reducing the base first changes nothing but keeps it positive
        BigInteger base = bigB.subtract(SrpGroup.K.multiply(G_POWERS.pow(x))).mod(SrpGroup.N);
        BigInteger s = base.modPow(a.add(u.multiply(x)), SrpGroup.N);
        byte[] key = PasswordClaimSignature.key(u, s);
        String timestamp = CognitoTimestamp.format(clock.instant());
        String signature = PasswordClaimSignature.signBase64(
                key, poolName, challenge.userIdForSrp(), challenge.secretBlockBytes(), timestamp);
        return new Computation(bigA, u, x, s, key, timestamp, signature);
    }

    /** The values a test compares with the reference client; {@code key} is the 16-byte HKDF output. */
    record Computation(BigInteger bigA, BigInteger u, BigInteger x, BigInteger s, byte[] key, String timestamp, String signature) {
        @Override
        public String toString() {
            return "Computation[hidden]";
        }
    }
}
