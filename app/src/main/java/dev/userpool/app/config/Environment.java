package dev.userpool.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads environment variables, failing with a message that names the variable and what it accepts. */
public final class Environment {
    private final Map<String, String> values;

    public Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** A setting that must be given because of another choice, e.g. the pool id when USERPOOL_DIRECTORY=cognito. */
    public String required(String name, String because) {
        return get(name).orElseThrow(() -> new InvalidSettingsException(name + " is required " + because + "."));
    }

    public int integer(String name, int fallback, int min, int max) {
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

    public boolean flag(String name, boolean fallback) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) return fallback;
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidSettingsException(name + "=" + raw.get()
                    + " is not understood: allowed values are true, false.");
        };
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
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
