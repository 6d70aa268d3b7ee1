package dev.userpool.cognito.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * One sign-in on the server side of DESIGN §6: a secret {@code b}, the public
 * {@code B = (k·v + g^b) mod N}, and — once the client's claim arrives — the shared
 * {@code S = (A·v^u)^b mod N}, the key derived from it and the check of {@code PASSWORD_CLAIM_SIGNATURE}.
 * Plain {@code modPow} throughout, independent of the client's fixed-base table.
 */
final class SrpServerSession {
    private final SrpPasswordVerifier verifier;
    private final BigInteger bigA;
    private final BigInteger b;
    private final BigInteger bigB;

    private SrpServerSession(SrpPasswordVerifier verifier, BigInteger bigA, BigInteger b, BigInteger bigB) {
        this.verifier = verifier;
        this.bigA = bigA;
        this.b = b;
        this.bigB = bigB;
    }

    /**
     * Answers the client's {@code SRP_A}. SRP-6a: the server must refuse {@code A mod N = 0} (else
     * {@code S} would be 0 whatever the password).
     */
    static SrpServerSession begin(SrpPasswordVerifier verifier, BigInteger bigA, SecureRandom random) {
        Objects.requireNonNull(verifier, "verifier");
        if (bigA.mod(SrpGroup.N).signum() == 0) throw new IllegalArgumentException("A mod N = 0");
        while (true) {
            BigInteger b = new BigInteger(SrpClient.SMALL_A_BITS, random);
            BigInteger bigB = SrpGroup.K.multiply(verifier.verifier()).add(SrpGroup.G.modPow(b, SrpGroup.N)).mod(SrpGroup.N);
            if (bigB.signum() != 0) return new SrpServerSession(verifier, bigA, b, bigB);
        }
    }

    String srpB() {
        return bigB.toString(16);
    }

    BigInteger u() {
        return new BigInteger(1, Sha256.digest(SrpGroup.pad(bigA), SrpGroup.pad(bigB)));
    }

    /** {@code S = (A·v^u)^b mod N}. */
    BigInteger sharedSecret() {
        BigInteger avu = bigA.multiply(verifier.verifier().modPow(u(), SrpGroup.N)).mod(SrpGroup.N);
        return avu.modPow(b, SrpGroup.N);
    }

    byte[] key() {
        return PasswordClaimSignature.key(u(), sharedSecret());
    }

    /** Does {@code signatureBase64} prove the password for this session, over exactly these values? */
    boolean verifySignature(String poolName, byte[] secretBlock, String timestamp, String signatureBase64) {
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = PasswordClaimSignature.sign(key(), poolName, verifier.userIdForSrp(), secretBlock, timestamp);
        return MessageDigest.isEqual(expected, claimed);
    }
}
