package dev.userpool.embedded;

import java.util.Base64;
import java.util.Optional;

/**
 * An Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, with
 * standard base64 without padding: the format libargon2 writes, so either implementation reads the
 * other's hashes.
 */
record PhcString(Argon2Parameters parameters, byte[] salt, byte[] hash) {
    static final int VERSION = 19;
    private static final String PREFIX = "$argon2id$v=" + VERSION + "$";
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    String format() {
        return PREFIX + "m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** The parts of a well-formed Argon2id v19 string; empty for anything else. */
    static Optional<PhcString> parse(String phc) {
        if (phc == null || !phc.startsWith(PREFIX)) return Optional.empty();
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            Argon2Parameters parameters = parseParameters(parts[0]);
            byte[] salt = DECODER.decode(parts[1]);
            byte[] hash = DECODER.decode(parts[2]);
            if (salt.length < 8 || hash.length < 4) return Optional.empty();
            return Optional.of(new PhcString(parameters, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Argon2Parameters parseParameters(String text) {
        int m = -1;
        int t = -1;
        int p = -1;
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("parameter without =");
            int value = Integer.parseInt(pair.substring(eq + 1));
            switch (pair.substring(0, eq)) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("unknown parameter");
            }
        }
        return new Argon2Parameters(m, t, p);
    }
}
