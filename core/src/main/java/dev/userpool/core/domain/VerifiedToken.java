package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a valid ID or access token says about its bearer. */
public record VerifiedToken(UserId userId, TokenUse use, Optional<EmailAddress> email, Set<String> groups,
                            Instant issuedAt, Instant expiresAt) {
    public enum TokenUse { ID, ACCESS }

    public VerifiedToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(email, "email");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean inGroup(String group) {
        return groups.contains(group);
    }
}
