package dev.userpool.core.domain;

import java.util.Objects;

/** A one-time code a person typed. It is a secret: {@link #toString()} masks it. */
public final class ConfirmationCode {
    private final String value;

    private ConfirmationCode(String value) {
        this.value = value;
    }

    /** Accepts 1 to 32 digits or letters (Cognito's codes are 6 digits; other pools may differ). */
    public static ConfirmationCode parse(String raw) {
        if (raw == null || raw.isBlank()) throw UserPoolException.invalidParameter("code", "is required");
        String v = raw.strip();
        if (v.length() > 32 || !v.chars().allMatch(Character::isLetterOrDigit)) {
            throw UserPoolException.invalidParameter("code", "must be the digits from the email");
        }
        return new ConfirmationCode(v);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfirmationCode c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ConfirmationCode[******]";
    }
}
