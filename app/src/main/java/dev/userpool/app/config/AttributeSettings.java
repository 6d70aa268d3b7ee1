package dev.userpool.app.config;

import dev.userpool.core.domain.AttributePolicy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's configuration of attributes, as Cognito's pool and app client settings say it: which
 * standard attributes sign-up requires ({@code USERPOOL_REQUIRED_ATTRIBUTES}, default none but the
 * address), and which attributes the app client may read and write ({@code USERPOOL_CLIENT_READ_ATTRIBUTES},
 * {@code USERPOOL_CLIENT_WRITE_ATTRIBUTES}; unset means all, as Cognito's default app client). Names are
 * separated by commas.
 */
public final class AttributeSettings {
    private AttributeSettings() {}

    public static AttributePolicy from(Environment env) {
        Set<String> required = names(env, "USERPOOL_REQUIRED_ATTRIBUTES").orElse(Set.of());
        try {
            return new AttributePolicy(required, names(env, "USERPOOL_CLIENT_READ_ATTRIBUTES"),
                    names(env, "USERPOOL_CLIENT_WRITE_ATTRIBUTES"));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("USERPOOL_REQUIRED_ATTRIBUTES is not understood: " + e.getMessage()
                    + " (sign-up can require standard attributes such as name, given_name, family_name, phone_number).");
        }
    }

    private static Optional<Set<String>> names(Environment env, String variable) {
        return env.get(variable).filter(v -> !v.isBlank()).map(v -> {
            Set<String> names = new LinkedHashSet<>();
            Arrays.stream(v.split(",")).map(String::strip).filter(n -> !n.isEmpty()).forEach(names::add);
            return Set.copyOf(names);
        });
    }
}
