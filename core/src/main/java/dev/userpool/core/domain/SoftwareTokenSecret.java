package dev.userpool.core.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The shared secret of an authenticator app (Cognito's {@code SecretCode}): base32, as apps take it typed
 * in or in an {@code otpauth://} URI. Handed to the account holder once, at enrolment; it never prints.
 */
public record SoftwareTokenSecret(String base32) {
    public SoftwareTokenSecret {
        Objects.requireNonNull(base32, "base32");
        if (base32.isBlank() || !base32.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7') || c == '=')) {
            throw new IllegalArgumentException("a software token secret is base32");
        }
    }

    /**
     * The {@code otpauth://totp/…} URI authenticator apps read from a QR code (Google's Key Uri Format):
     * {@code issuer:account}, the secret, and the RFC 6238 defaults spelt out (SHA-1, 6 digits, 30 s).
     */
    public String otpauthUri(String issuer, String accountName) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + base32.replace("=", "") + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + TotpCode.DIGITS + "&period=30";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "SoftwareTokenSecret[***]";
    }
}
