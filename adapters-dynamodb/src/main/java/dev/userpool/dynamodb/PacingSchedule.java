package dev.userpool.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * A schedule of start times that every process on one table shares, for calls an account may make
 * only so often (SES's custom verification emails: one a second per account). One item in the audit
 * table ({@code pk = PACE#<name>}, no index attributes, no expiry, so no audit query ever meets it)
 * holds the next free start. A process reserves it by reading the item and moving it on by the
 * spacing, on the condition that nobody moved it meanwhile; the loser of a race reads again. Each start
 * thus goes to one process, and starts are the spacing apart, as long as the processes' clocks agree
 * (NTP keeps them within milliseconds; the pacer's spacing leaves room for that).
 */
public final class PacingSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(PacingSchedule.class);
    static final String PK_PREFIX = "PACE#";
    static final String NEXT_START = "nextStartMicros";
    /** Races lost in a row before the schedule is given up for this call: only under a contention no real load makes. */
    private static final int MAX_RACES = 50;

    private final DynamoDbClient client;
    private final String table;
    private final Map<String, AttributeValue> key;
    private final Clock clock;

    /** {@code name} tells schedules in one table apart, e.g. {@code ses-custom-verification}. */
    public PacingSchedule(DynamoDbClient client, String table, String name, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.key = Map.of(AuditKeys.PK, AttributeValue.fromS(PK_PREFIX + name), AuditKeys.SK, AttributeValue.fromS(PK_PREFIX + name));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reserves the next start: not before now, and {@code spacing} after the start reserved before it.
     *
     * @return the start; empty when DynamoDB cannot be reached (the caller paces alone meanwhile)
     */
    public Optional<Instant> reserve(Duration spacing) {
        long spacingMicros = Math.max(1, (spacing.toNanos() + 999) / 1000);
        for (int race = 0; race < MAX_RACES; race++) {
            try {
                GetItemResponse item = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
                Optional<Long> seen = item.hasItem() && item.item().containsKey(NEXT_START)
                        ? Optional.of(Long.parseLong(item.item().get(NEXT_START).n())) : Optional.empty();
                long start = Math.max(micros(clock.instant()), seen.orElse(Long.MIN_VALUE));
                long following = start + spacingMicros;
                client.updateItem(b -> b.tableName(table).key(key).updateExpression("SET #next = :following")
                        .conditionExpression(seen.isPresent() ? "#next = :seen" : "attribute_not_exists(#next)")
                        .expressionAttributeNames(Map.of("#next", NEXT_START))
                        .expressionAttributeValues(seen.isPresent()
                                ? Map.of(":following", number(following), ":seen", number(seen.get()))
                                : Map.of(":following", number(following))));
                return Optional.of(Instant.EPOCH.plusNanos(start * 1000));
            } catch (ConditionalCheckFailedException lost) {
                // another process took this start: read the next one
            } catch (SdkException e) {
                LOG.info("The pacing schedule in the DynamoDB table {} cannot be reached: {}", table, DynamoDbErrors.name(e));
                return Optional.empty();
            }
        }
        LOG.warn("Lost {} races in a row for the pacing schedule in {}; pacing alone for this call", MAX_RACES, table);
        return Optional.empty();
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }
}
