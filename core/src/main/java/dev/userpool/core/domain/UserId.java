package dev.userpool.core.domain;

import java.util.Objects;

/** The stable id of an account (Cognito's {@code sub}). */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "userId");
        if (value.isBlank()) throw UserPoolException.invalidParameter("userId", "is required");
    }

    @Override
    public String toString() {
        return value;
    }
}
