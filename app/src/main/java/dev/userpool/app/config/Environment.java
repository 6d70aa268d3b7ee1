package dev.userpool.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads {@code USERPOOL_*} variables, failing with a message that names the variable and what it accepts. */
final class Environment {
    private final Map<String, String> values;

    Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) return fallback;
        try {
            int v = Integer.parseInt(raw.get());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(name + "=" + raw.get() + " is not understood: expected a whole number from "
                    + min + " to " + max + ".");
        }
    }

    boolean flag(String name, boolean fallback) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) return fallback;
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidSettingsException(name + "=" + raw.get()
                    + " is not understood: allowed values are true, false.");
        };
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) return fallback;
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new InvalidSettingsException(name + "=" + raw.get() + " is not understood: allowed values are "
                    + allowed + ".");
        }
    }
}
