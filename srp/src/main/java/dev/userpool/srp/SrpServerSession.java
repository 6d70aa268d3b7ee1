package dev.userpool.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * One sign-in on the server side of DESIGN §6: a secret {@code b}, the public
 * {@code B = (k·v + g^b) mod N} sent as {@code SRP_B}, and — once the client's claim arrives — the
 * shared {@code S = (A·v^u)^b mod N}, the key derived from it and the check of
 * {@code PASSWORD_CLAIM_SIGNATURE}. Plain {@code modPow} throughout. Immutable; the secret {@code b}
 * never leaves the object and never prints. Use one session for one sign-in attempt.
 */
public final class SrpServerSession {
    private final SrpVerifier verifier;
    private final BigInteger bigA;
    private final BigInteger b;
    private final BigInteger bigB;

    private SrpServerSession(SrpVerifier verifier, BigInteger bigA, BigInteger b, BigInteger bigB) {
        this.verifier = verifier;
        this.bigA = bigA;
        this.b = b;
        this.bigB = bigB;
    }

    /**
     * Answers the client's {@code A} (parsed from {@code SRP_A}). SRP-6a: the server must refuse
     * {@code A mod N = 0}, else {@code S} would be 0 whatever the password.
     *
     * @throws IllegalArgumentException if {@code A mod N = 0} or {@code A} is negative
     */
    public static SrpServerSession begin(SrpVerifier verifier, BigInteger bigA, SecureRandom random) {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(bigA, "bigA");
        Objects.requireNonNull(random, "random");
        if (bigA.signum() < 0 || bigA.mod(SrpGroup.N).signum() == 0) throw new IllegalArgumentException("A mod N = 0");
        while (true) {
            BigInteger b = new BigInteger(SrpGroup.EPHEMERAL_BITS, random);
            BigInteger bigB = SrpGroup.K.multiply(verifier.verifier()).add(SrpGroup.G.modPow(b, SrpGroup.N)).mod(SrpGroup.N);
            // B mod N = 0 would make every client refuse; u = 0 would make S independent of the password
            if (bigB.signum() != 0 && SrpGroup.scrambler(bigA, bigB).signum() != 0) {
                return new SrpServerSession(verifier, bigA, b, bigB);
            }
        }
    }

    /** Tests only: the session for a chosen secret {@code b}, to compare with reference values. */
    static SrpServerSession withSecret(SrpVerifier verifier, BigInteger bigA, BigInteger b) {
        BigInteger bigB = SrpGroup.K.multiply(verifier.verifier()).add(SrpGroup.G.modPow(b, SrpGroup.N)).mod(SrpGroup.N);
        return new SrpServerSession(verifier, bigA, b, bigB);
    }

    /** {@code SRP_B}: lower-case hex of {@code B}. */
    public String srpB() {
        return bigB.toString(16);
    }

    public SrpVerifier verifier() {
        return verifier;
    }

    /**
     * Does {@code signatureBase64} prove the password for this session, signed over exactly this
     * {@code secretBlock} and {@code timestamp} text? Checking the timestamp's format and age is the
     * caller's job ({@link CognitoTimestamp#parse}). Compared in constant time.
     */
    public boolean verifySignature(byte[] secretBlock, String timestamp, String signatureBase64) {
        Objects.requireNonNull(secretBlock, "secretBlock");
        Objects.requireNonNull(timestamp, "timestamp");
        if (signatureBase64 == null) return false;
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = PasswordClaimSignature.sign(key(), verifier.poolName(), verifier.userIdForSrp(), secretBlock, timestamp);
        return MessageDigest.isEqual(expected, claimed);
    }

    /** The 16-byte key of this session: HKDF over {@code u} and {@code S = (A·v^u)^b mod N}. */
    byte[] key() {
        BigInteger u = SrpGroup.scrambler(bigA, bigB);
        BigInteger avu = bigA.multiply(verifier.verifier().modPow(u, SrpGroup.N)).mod(SrpGroup.N);
        return PasswordClaimSignature.key(u, avu.modPow(b, SrpGroup.N));
    }

    @Override
    public String toString() {
        return "SrpServerSession[" + verifier + "]";
    }
}
