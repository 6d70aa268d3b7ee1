package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/** One page of a listing: at most {@code limit} items after the opaque {@code cursor}. */
public record PageRequest(int limit, Optional<String> cursor) {
    public static final int MAX_LIMIT = 60;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw UserPoolException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Objects.requireNonNull(cursor, "cursor");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
