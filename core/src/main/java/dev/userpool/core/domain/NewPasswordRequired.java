package dev.userpool.core.domain;

import java.util.Objects;

/**
 * Cognito's {@code NEW_PASSWORD_REQUIRED} challenge: the temporary password was right, and the holder must
 * choose a password of their own before any session opens. {@code session} names the challenge for its one
 * answer (a few minutes, bound to this account); it is a secret and never prints.
 */
public record NewPasswordRequired(User user, String session) implements SignInStep {
    public static final String NAME = "NEW_PASSWORD_REQUIRED";

    public NewPasswordRequired {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
        if (session.isBlank()) throw new IllegalArgumentException("a challenge needs its session");
    }

    @Override
    public Principal principal() {
        return Principal.of(user);
    }

    @Override
    public String toString() {
        return "NewPasswordRequired[" + user.email().masked() + ", session=***]";
    }
}
