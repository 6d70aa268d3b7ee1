package dev.userpool.core.domain;

import java.util.Objects;

/**
 * The account a sign-in concerned, by its two names: its id (the {@code sub}) and its address. What an
 * authenticator knows without asking again, so that the core does not look the account up a second time.
 */
public record Principal(UserId id, EmailAddress email) {
    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
    }

    public static Principal of(User user) {
        return new Principal(user.id(), user.email());
    }
}
