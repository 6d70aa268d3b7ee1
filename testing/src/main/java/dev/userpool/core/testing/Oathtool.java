package dev.userpool.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Codes of an authenticator app from an independent generator, Debian's {@code oathtool} (RFC 6238: SHA-1,
 * six digits, 30 s), so that tests of TOTP never check our code with our own code. {@code .ci/run}
 * installs it.
 */
public final class Oathtool {
    private Oathtool() {}

    /** The code of {@code base32Secret} now, by the machine's clock. */
    public static String code(String base32Secret) {
        return run(List.of("oathtool", "--totp", "-b", base32Secret));
    }

    /** The code of {@code base32Secret} at {@code at} (to the second), for tests on a controlled clock. */
    public static String code(String base32Secret, Instant at) {
        return run(List.of("oathtool", "--totp", "-b", "--now", "@" + at.getEpochSecond(), base32Secret));
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("oathtool did not answer in 10 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.exitValue() != 0 || !out.matches("\\d{6}")) {
                throw new IllegalStateException("oathtool failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("oathtool is missing: apt-get install oathtool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
