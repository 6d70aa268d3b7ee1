package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import java.util.Objects;

/** One account as it moves between pools: what Cognito can take of it, and the CSV line it came from. */
public record MovedUser(EmailAddress email, boolean emailVerified, int line) {
    public MovedUser {
        Objects.requireNonNull(email, "email");
    }
}
