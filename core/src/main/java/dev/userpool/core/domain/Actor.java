package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/** Who caused an event: the user themselves, an admin (with the admin's id), or the system. */
public record Actor(Kind kind, Optional<UserId> id) {
    public enum Kind { USER, ADMIN, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor user() {
        return new Actor(Kind.USER, Optional.empty());
    }

    public static Actor admin(UserId adminId) {
        return new Actor(Kind.ADMIN, Optional.of(adminId));
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, Optional.empty());
    }
}
