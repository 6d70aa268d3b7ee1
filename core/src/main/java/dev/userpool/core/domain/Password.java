package dev.userpool.core.domain;

import java.util.Objects;

/** A password in transit. It never prints: {@link #toString()} is masked so it cannot reach a log. */
public final class Password {
    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** Wraps input; a missing password is {@code InvalidParameter}. Policy checks are {@link PasswordPolicy}'s job. */
    public static Password of(String raw) {
        if (raw == null || raw.isEmpty()) throw UserPoolException.invalidParameter("password", "is required");
        return new Password(raw);
    }

    /** The secret itself, for the adapters that must hash or prove it. */
    public String reveal() {
        return value;
    }

    public int length() {
        return value.codePointCount(0, value.length());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Password p && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                p.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value.length());
    }

    @Override
    public String toString() {
        return "Password[********]";
    }
}
