package dev.userpool.core.service;

import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The {@code Session} strings of the sign-in challenges this core poses (emailed codes, passkeys): 255
 * random bits, base64url. The first character is never {@code -} or {@code _}: a session is handed to the
 * AWS CLI as {@code --session VALUE}, and a value starting with a dash reads as another option there
 * (Cognito's own sessions start with a letter).
 */
final class ChallengeSessions {
    private ChallengeSessions() {}

    static String newSession(RandomGenerator random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        bytes[0] &= 0x7F;   // the first six bits then pick A-Z or a-f
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
