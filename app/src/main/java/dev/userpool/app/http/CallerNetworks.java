package dev.userpool.app.http;

import java.util.function.Predicate;

/**
 * The networks whose callers are "this machine" for the local-only doors ({@code USERPOOL_LOCAL_NETWORKS}),
 * as the wiring hands them to the HTTP layer: whether an address literal is inside them, whether a text is
 * an address literal at all (never asking DNS), and how to name them in the log.
 */
public record CallerNetworks(Predicate<String> containsAddress, Predicate<String> isAddressLiteral, String described) {
    public static final String VARIABLE = "USERPOOL_LOCAL_NETWORKS";

    @Override
    public String toString() {
        return described;
    }
}
