package dev.userpool.core.domain;

/**
 * A code of an authenticator app (RFC 6238): six digits. Checked for its shape here, once; whether it is
 * right is the secret's holder's to say. It is a secret while it is valid and never prints.
 */
public record TotpCode(String value) {
    public static final int DIGITS = 6;

    public TotpCode {
        if (value == null || value.isBlank()) throw UserPoolException.invalidParameter("code", "is required");
        value = value.strip();
        if (value.length() != DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw UserPoolException.invalidParameter("code", "must be " + DIGITS + " digits");
        }
    }

    public static TotpCode parse(String value) {
        return new TotpCode(value);
    }

    @Override
    public String toString() {
        return "TotpCode[***]";
    }
}
