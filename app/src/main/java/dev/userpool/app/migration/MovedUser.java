package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserAttributes;
import java.util.Objects;

/** One account as it moves between pools: what Cognito can take of it, and the CSV line it came from. */
public record MovedUser(EmailAddress email, boolean emailVerified, UserAttributes attributes, int line) {
    public MovedUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** An account with no attributes beyond its address. */
    public MovedUser(EmailAddress email, boolean emailVerified, int line) {
        this(email, emailVerified, UserAttributes.none(), line);
    }
}
