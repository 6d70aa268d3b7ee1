package dev.userpool.core.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An account's attributes beyond its id, address and the address's verification (those are
 * {@link User}'s own fields): Cognito's standard attributes ({@code name}, {@code given_name}, …) and
 * the pool's custom ones ({@code custom:…}), by name, in name order. Which names and values are
 * allowed is the pool's schema's decision, not this value's: it only holds what was accepted.
 */
public record UserAttributes(SortedMap<String, String> values) {
    private static final UserAttributes NONE = new UserAttributes(new TreeMap<>());

    public UserAttributes {
        Objects.requireNonNull(values, "values");
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        values = Collections.unmodifiableSortedMap(copy);
    }

    public static UserAttributes none() {
        return NONE;
    }

    public static UserAttributes of(Map<String, String> values) {
        return values.isEmpty() ? NONE : new UserAttributes(new TreeMap<>(values));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** These attributes with {@code changes} applied over them. */
    public UserAttributes with(Map<String, String> changes) {
        TreeMap<String, String> next = new TreeMap<>(values);
        next.putAll(changes);
        return new UserAttributes(next);
    }

    /** These attributes without {@code names}. */
    public UserAttributes without(java.util.Collection<String> names) {
        TreeMap<String, String> next = new TreeMap<>(values);
        names.forEach(next::remove);
        return new UserAttributes(next);
    }
}
