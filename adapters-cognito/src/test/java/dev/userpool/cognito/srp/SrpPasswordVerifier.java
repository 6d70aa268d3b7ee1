package dev.userpool.cognito.srp;

import dev.userpool.core.domain.Password;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a Cognito-compatible server stores instead of a password (DESIGN §6, server side): a random
 * salt and the verifier {@code v = g^x mod N}, with
 * {@code x = H(PAD(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password))}. Computed here on its own,
 * with plain {@code modPow}, so that the client's arithmetic is checked against a second path.
 */
record SrpPasswordVerifier(String userIdForSrp, String saltHex, BigInteger verifier) {
    SrpPasswordVerifier {
        Objects.requireNonNull(userIdForSrp, "userIdForSrp");
        Objects.requireNonNull(saltHex, "saltHex");
        Objects.requireNonNull(verifier, "verifier");
    }

    /** A new verifier with a 16-byte random salt (kept as hex, leading zeros and all, as Cognito sends it). */
    static SrpPasswordVerifier create(String poolName, String userIdForSrp, Password password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return withSalt(poolName, userIdForSrp, password, HexFormat.of().formatHex(salt));
    }

    static SrpPasswordVerifier withSalt(String poolName, String userIdForSrp, Password password, String saltHex) {
        return new SrpPasswordVerifier(userIdForSrp, saltHex,
                SrpGroup.G.modPow(x(poolName, userIdForSrp, password, saltHex), SrpGroup.N));
    }

    /** For {@code USER_PASSWORD_AUTH}: does this password give the stored verifier? */
    boolean matches(String poolName, Password password) {
        return SrpGroup.G.modPow(x(poolName, userIdForSrp, password, saltHex), SrpGroup.N).equals(verifier);
    }

    static BigInteger x(String poolName, String userIdForSrp, Password password, String saltHex) {
        byte[] identity = Sha256.digest((poolName + userIdForSrp + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Sha256.digest(new BigInteger(saltHex, 16).toByteArray(), identity));
    }

    @Override
    public String toString() {
        return "SrpPasswordVerifier[userIdForSrp=" + userIdForSrp + "]";
    }
}
