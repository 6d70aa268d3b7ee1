package dev.userpool.srp;

import java.math.BigInteger;

/**
 * The group Cognito's SRP-6a runs in (DESIGN §6): the 3072-bit MODP prime of RFC 3526, generator 2,
 * and the multiplier {@code k = H(PAD(N) ‖ PAD(g))}. Shared by the client and the server.
 */
public final class SrpGroup {
    public static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
            + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
            + "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
            + "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
            + "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64"
            + "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B"
            + "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31"
            + "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);

    public static final BigInteger G = BigInteger.TWO;

    public static final BigInteger K = new BigInteger(1, Sha256.digest(pad(N), pad(G)));

    /** The bit length of the secret ephemeral values {@code a} and {@code b}, as the JavaScript client draws {@code a}. */
    public static final int EPHEMERAL_BITS = 1024;

    private SrpGroup() {}

    /**
     * {@code PAD(x)}: the two's-complement bytes of a non-negative value, as Java's
     * {@link BigInteger#toByteArray()} gives them — a leading zero byte when the top bit is set, no
     * leading zero bytes otherwise. Cognito and its JavaScript client hash exactly these bytes.
     */
    public static byte[] pad(BigInteger value) {
        if (value.signum() < 0) throw new IllegalArgumentException("PAD is defined for non-negative values only");
        return value.toByteArray();
    }

    /** {@code u = H(PAD(A) ‖ PAD(B))}, the scrambling value both sides compute from the public values. */
    public static BigInteger scrambler(BigInteger bigA, BigInteger bigB) {
        return new BigInteger(1, Sha256.digest(pad(bigA), pad(bigB)));
    }
}
