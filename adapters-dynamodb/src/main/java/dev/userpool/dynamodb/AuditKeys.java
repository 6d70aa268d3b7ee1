package dev.userpool.dynamodb;

import dev.userpool.core.domain.UserPoolException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The table's key design: {@code pk = USER#<subject>}, {@code sk = <instant>#<eventId>}, and the
 * index {@code gsi1pk = DAY#<yyyy-mm-dd>#<shard>}, {@code gsi1sk = <instant>#<eventId>}.
 *
 * <p>Instants are written with exactly nine fraction digits, so that the strings sort like the
 * instants they stand for ({@code Instant.toString()} drops trailing zeros, and "…00Z" would sort
 * after "…00.5Z"). A bare instant is also a sort-key bound: every key of that instant ("…Z#id")
 * sorts after it, every key of an earlier instant before it.
 */
final class AuditKeys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    /** Epoch seconds after which DynamoDB's TTL may delete the item. */
    static final String EXPIRES_AT = "expiresAt";

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern INSTANT_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private AuditKeys() {}

    static String partition(String subjectKey) {
        return "USER#" + subjectKey;
    }

    static String sortKey(Instant occurredAt, UUID eventId) {
        return instant(occurredAt) + "#" + eventId;
    }

    static String dayPartition(LocalDate day, int shard) {
        return "DAY#" + day + "#" + shard;
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The same event always lands on the same shard, so a replayed write overwrites its first copy. */
    static int shard(UUID eventId, int shards) {
        return Math.floorMod(eventId.hashCode(), shards);
    }

    /** The fixed-width form; only years 1 to 9999 have one. */
    static String instant(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw UserPoolException.invalidParameter("occurredAt", "must be within the years 1 to 9999");
        }
        return INSTANT.format(instant);
    }

    static Instant parseInstant(String text) {
        if (!INSTANT_TEXT.matcher(text).matches()) throw new IllegalArgumentException("not a stored instant");
        try {
            return Instant.from(INSTANT.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a stored instant", e);
        }
    }

    /** Whether {@code text} is a sort key ({@code <instant>#<uuid>}) this table writes. */
    static boolean isSortKey(String text) {
        int hash = text.indexOf('#');
        if (hash < 0 || !UUID_TEXT.matcher(text.substring(hash + 1)).matches()) return false;
        return isInstant(text.substring(0, hash));
    }

    static boolean isInstant(String text) {
        try {
            parseInstant(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The instant a sort key or a bare instant bound starts with. */
    static Instant instantOf(String keyOrBound) {
        int hash = keyOrBound.indexOf('#');
        return parseInstant(hash < 0 ? keyOrBound : keyOrBound.substring(0, hash));
    }
}
