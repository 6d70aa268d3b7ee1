package dev.userpool.core.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secrets of choice-based sign-in: sessions (32 random bytes) and the 8-digit codes Cognito emails
 * for {@code EMAIL_OTP}, and the digests they are kept as. A code's digest is bound to its session, which
 * is never stored: a copy of the store alone cannot try the 10^8 codes.
 */
final class EmailSignInCodes {
    static final int CODE_DIGITS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmailSignInCodes() {}

    static String newSession() {
        return ChallengeSessions.newSession(RANDOM);
    }

    static String newCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String sessionDigest(String session) {
        return sha256("session:" + session);
    }

    static String codeDigest(String session, String code) {
        return sha256("code:" + session + ":" + code);
    }

    /** Compared in constant time. */
    static boolean matches(String expectedDigest, String session, String code) {
        return MessageDigest.isEqual(expectedDigest.getBytes(StandardCharsets.US_ASCII),
                codeDigest(session, code).getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
