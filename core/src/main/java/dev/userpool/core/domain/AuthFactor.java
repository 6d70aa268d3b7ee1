package dev.userpool.core.domain;

import java.util.Locale;

/**
 * A first factor of Cognito's choice-based sign-in ({@code USER_AUTH}), as its sign-in policy names them
 * ({@code AllowedFirstAuthFactors}). {@code PASSWORD} covers both ways of proving a password, sent
 * ({@code PASSWORD}) or by SRP ({@code PASSWORD_SRP}). Cognito's {@code SMS_OTP} is absent: this pool
 * sends no text messages.
 */
public enum AuthFactor {
    PASSWORD, EMAIL_OTP, WEB_AUTHN;

    /**
     * The factor a name stands for; {@code PASSWORD_SRP} is the password factor too, so a setting may list
     * it. {@code InvalidParameter} for any other name.
     */
    public static AuthFactor parse(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("PASSWORD_SRP")) return PASSWORD;
        for (AuthFactor f : values()) {
            if (f.name().equals(n)) return f;
        }
        throw UserPoolException.invalidParameter("AllowedFirstAuthFactors",
                "unknown factor " + name + " (this pool knows PASSWORD, EMAIL_OTP and WEB_AUTHN)");
    }
}
