package dev.userpool.srp;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a Cognito-compatible server stores instead of a password (DESIGN §6, server side): a random
 * salt and the verifier {@code v = g^x mod N}, for the user named {@code userIdForSrp} in the pool
 * {@code poolName} (both are hashed into {@code x}, so a verifier is only good for that user in that
 * pool). Plain {@code modPow}, independent of the client's fixed-base table, so each side checks the
 * other. Knowing {@code v} lets an attacker test password guesses offline at the cost of one
 * exponentiation each: keep it as secret as a password hash.
 */
public record SrpVerifier(String poolName, String userIdForSrp, String saltHex, BigInteger verifier) {
    /** Salt length in bytes, as Cognito's own salts. */
    public static final int SALT_BYTES = 16;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,512}");

    public SrpVerifier {
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(userIdForSrp, "userIdForSrp");
        Objects.requireNonNull(saltHex, "saltHex");
        Objects.requireNonNull(verifier, "verifier");
        if (!HEX.matcher(saltHex).matches()) throw new IllegalArgumentException("saltHex is not hexadecimal");
        if (verifier.signum() <= 0 || verifier.compareTo(SrpGroup.N) >= 0) throw new IllegalArgumentException("verifier is not in (0, N)");
    }

    /** A new verifier with a random salt, kept as hex with its leading zeros, as Cognito sends it. */
    public static SrpVerifier create(String poolName, String userIdForSrp, String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return withSalt(poolName, userIdForSrp, password, HexFormat.of().formatHex(salt));
    }

    public static SrpVerifier withSalt(String poolName, String userIdForSrp, String password, String saltHex) {
        BigInteger x = SrpPrivateKey.x(poolName, userIdForSrp, password, new BigInteger(saltHex, 16));
        return new SrpVerifier(poolName, userIdForSrp, saltHex, SrpGroup.G.modPow(x, SrpGroup.N));
    }

    /** Whether {@code password} gives this verifier (for a server that also takes the password itself). */
    public boolean matches(String password) {
        BigInteger x = SrpPrivateKey.x(poolName, userIdForSrp, password, new BigInteger(saltHex, 16));
        return MessageDigest.isEqual(SrpGroup.pad(SrpGroup.G.modPow(x, SrpGroup.N)), SrpGroup.pad(verifier));
    }

    /** The verifier as lower-case hex, for storage. */
    public String verifierHex() {
        return verifier.toString(16);
    }

    @Override
    public String toString() {
        return "SrpVerifier[poolName=" + poolName + ", userIdForSrp=" + userIdForSrp + "]";
    }
}
