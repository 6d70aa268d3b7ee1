package dev.userpool.core.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A page of results and the cursor of the next one, if there is more. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
