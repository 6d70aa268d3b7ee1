package dev.userpool.core.domain;

import java.util.Locale;

/**
 * The pool's multi-factor setting ({@code USERPOOL_MFA}), as Cognito's {@code MfaConfiguration}: no second
 * factor ({@code OFF}); one for the accounts that turned it on ({@code OPTIONAL}); one for every account
 * ({@code ON}), where an account without one is asked to set an authenticator app up at its next sign-in
 * ({@code MFA_SETUP}).
 */
public enum MfaMode {
    OFF, OPTIONAL, ON;

    /** {@code off}, {@code optional} or {@code on}, any case. */
    public static MfaMode parse(String value) {
        if (value == null) throw UserPoolException.invalidParameter("mfa", "is required");
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserPoolException.invalidParameter("mfa", "must be off, optional or on");
        }
    }

    /** Cognito's spelling of the pool's {@code MfaConfiguration}. */
    public String cognitoName() {
        return this == OPTIONAL ? "OPTIONAL" : this.name();
    }
}
