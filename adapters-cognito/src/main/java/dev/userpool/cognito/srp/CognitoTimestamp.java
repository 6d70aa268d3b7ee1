package dev.userpool.cognito.srp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code TIMESTAMP} of a password claim: {@code EEE MMM d HH:mm:ss 'UTC' yyyy} in English and UTC,
 * the day of the month NOT zero-padded ({@code Wed Apr 5 22:42:34 UTC 2017}). Cognito signs and checks
 * this exact text, so {@code "Wed Apr 05 …"} is refused.
 */
final class CognitoTimestamp {
    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private CognitoTimestamp() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
