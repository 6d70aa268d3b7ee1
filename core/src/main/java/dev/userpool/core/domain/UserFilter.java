package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/** Which accounts a listing shows; empty fields match everything. */
public record UserFilter(Optional<UserStatus> status, Optional<Boolean> emailVerified, Optional<String> emailPrefix) {
    public UserFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(emailVerified, "emailVerified");
        Objects.requireNonNull(emailPrefix, "emailPrefix");
    }

    public static UserFilter all() {
        return new UserFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean matches(User user) {
        return status.map(s -> s == user.status()).orElse(true)
                && emailVerified.map(v -> v == user.emailVerified()).orElse(true)
                && emailPrefix.map(p -> user.email().value().startsWith(p)).orElse(true);
    }
}
