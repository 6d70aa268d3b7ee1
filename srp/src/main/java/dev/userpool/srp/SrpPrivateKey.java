package dev.userpool.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The private key {@code x = H(PAD(salt) ‖ H(poolName ‖ USER_ID_FOR_SRP ‖ ":" ‖ password))} that both
 * sides derive: the client to answer a challenge, the server to make the verifier {@code v = g^x}.
 * The identity hash is fed piecewise, so the password is never joined into another string.
 */
public final class SrpPrivateKey {
    private SrpPrivateKey() {}

    /**
     * @param poolName     the part of the user pool id after {@code _}
     * @param userIdForSrp the name the verifier is made with ({@code USER_ID_FOR_SRP})
     * @param salt         the salt as a number (Cognito sends it as hex)
     */
    public static BigInteger x(String poolName, String userIdForSrp, String password, BigInteger salt) {
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(userIdForSrp, "userIdForSrp");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        MessageDigest identity = Sha256.newDigest();
        identity.update(poolName.getBytes(StandardCharsets.UTF_8));
        identity.update(userIdForSrp.getBytes(StandardCharsets.UTF_8));
        identity.update((byte) ':');
        identity.update(password.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, Sha256.digest(SrpGroup.pad(salt), identity.digest()));
    }

    /** The pool name SRP hashes: the part of a user pool id ({@code eu-west-1_AbCdEf123}) after the first {@code _}. */
    public static String poolName(String userPoolId) {
        int underscore = userPoolId.indexOf('_');
        if (underscore < 1 || underscore == userPoolId.length() - 1) {
            throw new IllegalArgumentException("not a user pool id (like eu-west-1_AbCdEf123): " + userPoolId);
        }
        return userPoolId.substring(underscore + 1);
    }
}
