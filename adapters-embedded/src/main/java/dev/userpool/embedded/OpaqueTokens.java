package dev.userpool.embedded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer secrets (refresh tokens, link tokens) and their digests. Only the SHA-256 digest is
 * stored: the values carry 256 random bits, so a fast hash is enough and a stolen database holds
 * nothing that can be presented.
 */
final class OpaqueTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    /**
     * 255 random bits, base64url without padding (safe in a URL as it is), never starting with {@code -}
     * or {@code _}: refresh tokens and challenge sessions are handed to the AWS CLI as separate arguments
     * ({@code --token VALUE}, {@code --session VALUE}), where a leading dash reads as another option.
     */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7F;   // the first six bits then pick A-Z or a-f
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] digest(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) md.update(part);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static SecureRandom random() {
        return RANDOM;
    }
}
