package dev.userpool.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The last two steps of DESIGN §6, the same for client and server: the 16-byte key both sides derive
 * from {@code u} and {@code S}, and the {@code PASSWORD_CLAIM_SIGNATURE} made with it.
 */
public final class PasswordClaimSignature {
    private static final byte[] HKDF_INFO = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BYTES = 16;

    private PasswordClaimSignature() {}

    /** First 16 bytes of HKDF-SHA256 with salt {@code PAD(u)}, input {@code PAD(S)}, info "Caldera Derived Key". */
    public static byte[] key(BigInteger u, BigInteger s) {
        byte[] prk = Sha256.hmac(SrpGroup.pad(u), SrpGroup.pad(s));
        return Arrays.copyOf(Sha256.hmac(prk, HKDF_INFO), KEY_BYTES);
    }

    /** {@code HMAC(key, poolName ‖ USER_ID_FOR_SRP ‖ base64decode(SECRET_BLOCK) ‖ TIMESTAMP)}. */
    public static byte[] sign(byte[] key, String poolName, String userIdForSrp, byte[] secretBlock, String timestamp) {
        return Sha256.hmac(key,
                poolName.getBytes(StandardCharsets.UTF_8),
                userIdForSrp.getBytes(StandardCharsets.UTF_8),
                secretBlock,
                timestamp.getBytes(StandardCharsets.UTF_8));
    }

    public static String signBase64(byte[] key, String poolName, String userIdForSrp, byte[] secretBlock, String timestamp) {
        return Base64.getEncoder().encodeToString(sign(key, poolName, userIdForSrp, secretBlock, timestamp));
    }
}
