package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts a listing shows; empty fields match everything. {@code attribute} is one condition on
 * an attribute the account holds among its {@link UserAttributes} (ListUsers' {@code name = "…"} or
 * {@code name ^= "…"}).
 */
public record UserFilter(Optional<UserStatus> status, Optional<Boolean> emailVerified, Optional<String> emailPrefix,
                         Optional<AttributeCondition> attribute) {
    public UserFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(emailVerified, "emailVerified");
        Objects.requireNonNull(emailPrefix, "emailPrefix");
        Objects.requireNonNull(attribute, "attribute");
    }

    /** Without a condition on attributes. */
    public UserFilter(Optional<UserStatus> status, Optional<Boolean> emailVerified, Optional<String> emailPrefix) {
        this(status, emailVerified, emailPrefix, Optional.empty());
    }

    public static UserFilter all() {
        return new UserFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Accounts whose attribute {@code name} equals {@code value}, or starts with it when {@code prefix}. */
    public static UserFilter attribute(String name, String value, boolean prefix) {
        return new UserFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new AttributeCondition(name, value, prefix)));
    }

    public boolean matches(User user) {
        return status.map(s -> s == user.status()).orElse(true)
                && emailVerified.map(v -> v == user.emailVerified()).orElse(true)
                && emailPrefix.map(p -> user.email().value().startsWith(p)).orElse(true)
                && attribute.map(a -> a.matches(user.attributes())).orElse(true);
    }

    /** One condition on an attribute: its value equal to {@code value}, or starting with it. */
    public record AttributeCondition(String name, String value, boolean prefix) {
        public AttributeCondition {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        public boolean matches(UserAttributes attributes) {
            return attributes.get(name).map(v -> prefix ? v.startsWith(value) : v.equals(value)).orElse(false);
        }
    }
}
