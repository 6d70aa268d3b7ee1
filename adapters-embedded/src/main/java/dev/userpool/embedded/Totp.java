package dev.userpool.embedded;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * RFC 6238 as authenticator apps and Cognito do it: HMAC-SHA-1, six digits, 30-second steps; a code is
 * accepted from the current step or one either side (clocks drift), never further. The codes come from
 * java-otp; which step matched is returned, so that the caller accepts each step once.
 */
final class Totp {
    static final Duration STEP = Duration.ofSeconds(30);
    /** Steps accepted either side of the current one. */
    static final int WINDOW = 1;
    /** 160 bits, the HMAC-SHA-1 key size RFC 4226 recommends (Cognito's secrets are as long). */
    static final int SECRET_BYTES = 20;

    private Totp() {}

    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        OpaqueTokens.random().nextBytes(secret);
        return secret;
    }

    /** Base32 without padding, as apps take it. */
    static SoftwareTokenSecret shown(byte[] secret) {
        return new SoftwareTokenSecret(Base32.toBase32String(secret).replace("=", ""));
    }

    /** The step of {@code at}: seconds since the epoch over 30. */
    static long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The step within the window whose code {@code code} is, if any. Every step of the window is computed, so the time taken tells nothing. */
    static Optional<Long> matchingStep(byte[] secret, TotpCode code, Instant now) {
        // a generator per check: it holds a Mac, which is not safe to share between threads
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, TotpCode.DIGITS);
        SecretKeySpec key = new SecretKeySpec(secret, generator.getAlgorithm());
        byte[] given = code.value().getBytes(StandardCharsets.US_ASCII);
        long current = stepOf(now);
        Optional<Long> matched = Optional.empty();
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            byte[] expected = codeAt(generator, key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && matched.isEmpty()) matched = Optional.of(step);
        }
        return matched;
    }

    private static String codeAt(TimeBasedOneTimePasswordGenerator generator, SecretKeySpec key, long step) {
        try {
            int code = generator.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
            return String.format("%0" + TotpCode.DIGITS + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of any length is valid", e);
        }
    }
}
