package dev.userpool.core.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * New app client ids and secrets, shaped like Cognito's: an id of 26 lowercase letters and digits, a
 * secret of 51, both from a {@link SecureRandom} (a client id is no secret, but nobody should guess the
 * next one). A project may pin its own (the pool file): {@link #checkPinnedId} and {@link #checkPinnedSecret}
 * say what is accepted.
 */
public final class AppClientCredentials {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern CLIENT_ID = Pattern.compile("[\\w+-]{1,128}");
    private static final Pattern SECRET = Pattern.compile("[\\w+=/-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppClientCredentials() {}

    public static String newClientId() {
        return random(26);
    }

    public static String newSecret() {
        return random(51);
    }

    /** Cognito's pattern for a client id, {@code [\w+]+} of at most 128 (and {@code -}, which the default client's id has). */
    public static void checkPinnedId(String clientId) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "1 validation error detected: Value '" + clientId
                    + "' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+");
        }
    }

    /** Cognito's pattern for a client secret ({@code [\w+]+} of at most 64; {@code =/-} too). The message never holds it. */
    public static void checkPinnedSecret(String secret) {
        if (!SECRET.matcher(secret).matches()) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "1 validation error detected: Value at 'clientSecret'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+ (at most 64)");
        }
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
