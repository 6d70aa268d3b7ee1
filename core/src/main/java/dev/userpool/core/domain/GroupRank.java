package dev.userpool.core.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where a group stands in a token's {@code cognito:groups}: its name and its precedence. */
public record GroupRank(GroupName name, Optional<Integer> precedence) {
    /**
     * By precedence, lowest value first; groups without one after those with one; ties by name.
     * Cognito ranks by precedence and leaves ties open; the name makes the order the same at every
     * sign-in.
     */
    public static final Comparator<GroupRank> TOKEN_ORDER = Comparator
            .comparing((GroupRank r) -> r.precedence().isEmpty())
            .thenComparing(r -> r.precedence().orElse(0))
            .thenComparing(GroupRank::name);

    public GroupRank {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(precedence, "precedence");
    }

    /**
     * The {@code cognito:groups} claim of an account in {@code stored} groups, to which its configuration
     * adds {@code configured} (the admin group of a configured administrator, ranked as a group without
     * precedence unless the account is a member anyway): each name once, in {@link #TOKEN_ORDER}.
     */
    public static List<String> claim(Collection<GroupRank> stored, Collection<String> configured) {
        java.util.Map<String, GroupRank> byName = new java.util.HashMap<>();
        for (GroupRank r : stored) byName.put(r.name().value(), r);
        for (String name : configured) byName.putIfAbsent(name, new GroupRank(new GroupName(name), Optional.empty()));
        return byName.values().stream().sorted(TOKEN_ORDER).map(r -> r.name().value()).toList();
    }
}
