package dev.userpool.core.domain;

import java.util.Objects;

/**
 * The password was right, and a second factor must follow before any session opens: a code of the
 * account's authenticator app ({@code SOFTWARE_TOKEN_MFA}), or, where the pool requires MFA and the account
 * has none, setting an app up first ({@code MFA_SETUP}). {@code session} names the challenge for its answer
 * (three minutes, bound to this account, answered once); it is a secret and never prints.
 */
public record MfaRequired(User user, Kind kind, String session) implements SignInStep {

    /** The challenge, by Cognito's name. */
    public enum Kind {
        SOFTWARE_TOKEN_MFA, MFA_SETUP;

        public static java.util.Optional<Kind> named(String name) {
            for (Kind k : values()) if (k.name().equals(name)) return java.util.Optional.of(k);
            return java.util.Optional.empty();
        }
    }

    public MfaRequired {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        if (session.isBlank()) throw new IllegalArgumentException("a challenge needs its session");
    }

    @Override
    public Principal principal() {
        return Principal.of(user);
    }

    @Override
    public String toString() {
        return "MfaRequired[" + user.email().masked() + ", " + kind + ", session=***]";
    }
}
