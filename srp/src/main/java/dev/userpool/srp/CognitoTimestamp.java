package dev.userpool.srp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code TIMESTAMP} of a password claim: {@code EEE MMM d HH:mm:ss 'UTC' yyyy} in English and UTC,
 * the day of the month NOT zero-padded ({@code Wed Apr 5 22:42:34 UTC 2017}). Cognito signs and checks
 * this exact text, so {@code "Wed Apr 05 …"} is refused.
 */
public final class CognitoTimestamp {
    public static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private CognitoTimestamp() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * The instant of a TIMESTAMP in Cognito's exact text only: it must parse and print back identically,
     * so a zero-padded day, a wrong weekday or other spacing is empty.
     */
    public static Optional<Instant> parse(String timestamp) {
        if (timestamp == null || timestamp.length() > 64) return Optional.empty();
        try {
            Instant instant = Instant.from(FORMAT.parse(timestamp));
            return format(instant).equals(timestamp) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
