package dev.userpool.core.domain;

import java.util.Locale;
import java.util.Objects;

/** A validated e-mail address, trimmed and lower-cased: the username of every account. */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART = 64;

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.strip().toLowerCase(Locale.ROOT);
        String problem = problemWith(value);
        if (problem != null) throw UserPoolException.invalidParameter("email", problem);
    }

    /** Parses input that came from outside, with a clear {@code InvalidParameter} when it is absent. */
    public static EmailAddress parse(String raw) {
        if (raw == null) throw UserPoolException.invalidParameter("email", "is required");
        return new EmailAddress(raw);
    }

    private static String problemWith(String v) {
        if (v.isEmpty()) return "is required";
        if (v.length() > MAX_LENGTH) return "is longer than " + MAX_LENGTH + " characters";
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return "must not contain spaces or control characters";
            }
        }
        int at = v.lastIndexOf('@');
        if (at < 0) return "must contain an @";
        if (v.indexOf('@') != at) return "must contain exactly one @";
        String local = v.substring(0, at);
        String domain = v.substring(at + 1);
        if (local.isEmpty()) return "has nothing before the @";
        if (local.length() > MAX_LOCAL_PART) return "has more than " + MAX_LOCAL_PART + " characters before the @";
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || dot == domain.length() - 1 || domain.contains("..") || domain.startsWith(".")) {
            return "must have a domain with a dot, like example.com";
        }
        return null;
    }

    /** The address as shown to people who may not own it: {@code alice@example.com} → {@code a***@e***.com}. */
    public String masked() {
        int at = value.indexOf('@');
        String domain = value.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return value.charAt(0) + "***@" + domain.charAt(0) + "***" + domain.substring(dot);
    }

    @Override
    public String toString() {
        return value;
    }
}
