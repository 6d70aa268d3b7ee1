package dev.userpool.dynamodb;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The audit table: partition key {@code pk} and sort key {@code sk} (strings), one global secondary
 * index {@code gsi1} on {@code gsi1pk}/{@code gsi1sk} (strings) projecting all attributes, and TTL on
 * the number attribute {@code expiresAt}. It either creates the table (on-demand billing) or checks
 * one that exists, and says exactly what does not match.
 */
public final class AuditTable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTable.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final DynamoDbClient client;
    private final String name;

    public AuditTable(DynamoDbClient client, String name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Creates the table and its index unless the table exists, waits (up to {@code timeout}) until
     * both are active, checks them, and turns TTL on where the service supports it.
     */
    public void createIfMissing(Duration timeout) {
        try {
            client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(string(AuditKeys.PK), string(AuditKeys.SK), string(AuditKeys.GSI1_PK),
                            string(AuditKeys.GSI1_SK))
                    .keySchema(key(AuditKeys.PK, KeyType.HASH), key(AuditKeys.SK, KeyType.RANGE))
                    .globalSecondaryIndexes(g -> g.indexName(AuditKeys.GSI1)
                            .keySchema(key(AuditKeys.GSI1_PK, KeyType.HASH), key(AuditKeys.GSI1_SK, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))));
            LOG.info("Created the DynamoDB audit table {} (on-demand billing)", name);
        } catch (ResourceInUseException exists) {
            LOG.info("The DynamoDB audit table {} exists already; checking it", name);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, "creating table '" + name + "'");
        }
        awaitActive(timeout);
        checkShape();
        enableTimeToLive();
    }

    /**
     * Checks that the table exists, is usable and has the keys and index this adapter writes; fails
     * with every difference found. A TTL that is off is only warned about: events are then hidden
     * after the retention but not deleted.
     */
    public void verify() {
        checkShape();
        warnIfTimeToLiveIsOff();
    }

    private void checkShape() {
        TableDescription table = describe().orElseThrow(() -> unusable(List.of("it does not exist")));
        List<String> problems = new ArrayList<>();
        if (table.tableStatus() != TableStatus.ACTIVE && table.tableStatus() != TableStatus.UPDATING) {
            problems.add("its status is " + table.tableStatusAsString() + ", not ACTIVE");
        }
        checkKey(problems, "the table", table.keySchema(), table.attributeDefinitions(), AuditKeys.PK, AuditKeys.SK);
        Optional<GlobalSecondaryIndexDescription> index = table.hasGlobalSecondaryIndexes()
                ? table.globalSecondaryIndexes().stream().filter(i -> AuditKeys.GSI1.equals(i.indexName())).findFirst()
                : Optional.empty();
        if (index.isEmpty()) {
            problems.add("it has no global secondary index '" + AuditKeys.GSI1 + "'");
        } else {
            GlobalSecondaryIndexDescription gsi = index.get();
            checkKey(problems, "index '" + AuditKeys.GSI1 + "'", gsi.keySchema(), table.attributeDefinitions(),
                    AuditKeys.GSI1_PK, AuditKeys.GSI1_SK);
            if (gsi.projection() == null || gsi.projection().projectionType() != ProjectionType.ALL) {
                problems.add("index '" + AuditKeys.GSI1 + "' projects "
                        + (gsi.projection() == null ? "nothing" : gsi.projection().projectionTypeAsString())
                        + ", but time-range queries read every attribute from it (it must project ALL)");
            }
            if (gsi.indexStatus() != null && gsi.indexStatus() != IndexStatus.ACTIVE) {
                problems.add("index '" + AuditKeys.GSI1 + "' is " + gsi.indexStatusAsString() + ", not ACTIVE");
            }
        }
        if (!problems.isEmpty()) throw unusable(problems);
    }

    private Optional<TableDescription> describe() {
        try {
            return Optional.of(client.describeTable(b -> b.tableName(name)).table());
        } catch (SdkException e) {
            if (DynamoDbErrors.isNotFound(e)) return Optional.empty();
            throw DynamoDbErrors.translate(e, "checking table '" + name + "'");
        }
    }

    private void awaitActive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TableDescription> table = describe();
            boolean active = table.isPresent() && table.get().tableStatus() == TableStatus.ACTIVE
                    && (!table.get().hasGlobalSecondaryIndexes() || table.get().globalSecondaryIndexes().stream()
                            .allMatch(i -> i.indexStatus() == null || i.indexStatus() == IndexStatus.ACTIVE));
            if (active) return;
            if (System.nanoTime() - deadline >= 0) {
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The DynamoDB audit table '" + name
                        + "' did not become active within " + timeout.toSeconds() + " s (status "
                        + table.map(TableDescription::tableStatusAsString).orElse("missing") + ").");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the table.");
            }
        }
    }

    /** TTL only deletes what is hidden anyway: a failure here is warned about, never fatal. */
    private void enableTimeToLive() {
        Optional<TimeToLiveDescription> ttl;
        try {
            ttl = describeTimeToLive();
        } catch (SdkException e) {
            LOG.warn("Could not read the TTL setting of the DynamoDB audit table {} ({}); not turning it on", name,
                    DynamoDbErrors.name(e));
            return;
        }
        if (ttl.isPresent() && isOnForExpiresAt(ttl.get())) return;
        if (ttl.isPresent() && ttl.get().attributeName() != null && !AuditKeys.EXPIRES_AT.equals(ttl.get().attributeName())) {
            LOG.warn("TTL on the DynamoDB audit table {} uses attribute {}, not {}: old events are hidden but not deleted",
                    name, ttl.get().attributeName(), AuditKeys.EXPIRES_AT);
            return;
        }
        try {
            client.updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(AuditKeys.EXPIRES_AT)));
            LOG.info("TTL turned on for the DynamoDB audit table {} (attribute {})", name, AuditKeys.EXPIRES_AT);
        } catch (SdkException e) {
            if (DynamoDbErrors.isUnknownOperation(e)) {
                LOG.info("This DynamoDB endpoint has no TTL (UpdateTimeToLive is unknown to it): old audit events are"
                        + " hidden after the retention but not deleted");
            } else {
                LOG.warn("Could not turn on TTL for the DynamoDB audit table {} ({}): old events are hidden after the"
                        + " retention but not deleted", name, DynamoDbErrors.name(e));
            }
        }
    }

    private void warnIfTimeToLiveIsOff() {
        try {
            Optional<TimeToLiveDescription> ttl = describeTimeToLive();
            if (ttl.isEmpty() || !isOnForExpiresAt(ttl.get())) {
                LOG.warn("TTL is not on for attribute {} of the DynamoDB audit table {}: events are hidden after the"
                        + " retention but not deleted (turn it on, or start once with table creation on)",
                        AuditKeys.EXPIRES_AT, name);
            }
        } catch (SdkException e) {
            LOG.warn("Could not read the TTL setting of the DynamoDB audit table {} ({})", name, DynamoDbErrors.name(e));
        }
    }

    /** Empty where the endpoint has no TTL at all (dynalite); other failures are the caller's to judge. */
    private Optional<TimeToLiveDescription> describeTimeToLive() {
        try {
            return Optional.ofNullable(client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription());
        } catch (SdkException e) {
            if (DynamoDbErrors.isUnknownOperation(e)) return Optional.empty();
            throw e;
        }
    }

    private static boolean isOnForExpiresAt(TimeToLiveDescription ttl) {
        boolean on = ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        return on && AuditKeys.EXPIRES_AT.equals(ttl.attributeName());
    }

    private static void checkKey(List<String> problems, String what, List<KeySchemaElement> schema,
                                 List<AttributeDefinition> definitions, String hash, String range) {
        String expected = hash + " (string, partition key) and " + range + " (string, sort key)";
        String actual = schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList().toString();
        boolean keysMatch = schema.size() == 2 && schema.stream().anyMatch(k -> is(k, hash, KeyType.HASH))
                && schema.stream().anyMatch(k -> is(k, range, KeyType.RANGE));
        if (!keysMatch) {
            problems.add(what + " is keyed " + actual + ", expected " + expected);
            return;
        }
        for (String attribute : List.of(hash, range)) {
            Optional<ScalarAttributeType> type = definitions.stream().filter(d -> attribute.equals(d.attributeName()))
                    .map(AttributeDefinition::attributeType).findFirst();
            if (type.isPresent() && type.get() != ScalarAttributeType.S) {
                problems.add(what + " has key " + attribute + " of type " + type.get() + ", expected a string (S)");
            }
        }
    }

    private static boolean is(KeySchemaElement k, String attribute, KeyType type) {
        return attribute.equals(k.attributeName()) && k.keyType() == type;
    }

    private UserPoolException unusable(List<String> problems) {
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The DynamoDB table '" + name
                + "' cannot hold the audit trail: " + String.join("; ", problems) + ". Expected: partition key "
                + AuditKeys.PK + " and sort key " + AuditKeys.SK + " (strings), a global secondary index '"
                + AuditKeys.GSI1 + "' on " + AuditKeys.GSI1_PK + "/" + AuditKeys.GSI1_SK
                + " (strings) projecting ALL, and TTL on " + AuditKeys.EXPIRES_AT + ".");
    }

    private static AttributeDefinition string(String attribute) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
