package dev.userpool.dynamodb;

import dev.userpool.core.event.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts up to 25 events into the table with {@code BatchWriteItem}, sending what DynamoDB leaves in
 * {@code UnprocessedItems} again after a growing, jittered wait. A put of the same event always
 * targets the same key, so sending an event twice leaves one copy.
 */
final class BatchWriter {
    static final int MAX_ITEMS = 25;

    /** DynamoDB could not take these events now (no answer, throttling past the retries, …). */
    static final class Undelivered extends Exception {
        private final transient List<AuditEvent> events;

        Undelivered(List<AuditEvent> events, String reason, Throwable cause) {
            super(reason, cause);
            this.events = List.copyOf(events);
        }

        List<AuditEvent> events() {
            return events;
        }
    }

    /** Events DynamoDB refused as invalid: they would be refused every time. */
    record Refused(List<AuditEvent> events, String reason) {
        static Refused none() {
            return new Refused(List.of(), "");
        }
    }

    private record ItemKey(String pk, String sk) {
        static ItemKey of(Map<String, AttributeValue> item) {
            return new ItemKey(item.get(AuditKeys.PK).s(), item.get(AuditKeys.SK).s());
        }
    }

    private final DynamoDbClient client;
    private final String table;
    private final AuditItemMapper mapper;
    private final int attempts;
    private final Backoff backoff;
    private final LongAdder requests = new LongAdder();
    private final LongAdder itemsWritten = new LongAdder();

    BatchWriter(DynamoDbClient client, String table, AuditItemMapper mapper, int attempts, Backoff backoff) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.attempts = attempts;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * Writes all of {@code events} (at most 25) and returns those DynamoDB refused as invalid; throws
     * {@link Undelivered} with the events not yet written when DynamoDB cannot take them now.
     */
    Refused write(List<AuditEvent> events) throws Undelivered {
        if (events.size() > MAX_ITEMS) throw new IllegalArgumentException("at most " + MAX_ITEMS + " per batch");
        // One put per key: BatchWriteItem refuses a batch that names a key twice (the same event recorded twice).
        Map<ItemKey, AuditEvent> byKey = new LinkedHashMap<>();
        Map<ItemKey, WriteRequest> requestsByKey = new LinkedHashMap<>();
        for (AuditEvent e : events) {
            Map<String, AttributeValue> item = mapper.toItem(e);
            ItemKey key = ItemKey.of(item);
            if (byKey.putIfAbsent(key, e) == null) {
                requestsByKey.put(key, WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        List<WriteRequest> toSend = new ArrayList<>(requestsByKey.values());
        for (int attempt = 1; ; attempt++) {
            List<WriteRequest> unprocessed;
            try {
                unprocessed = send(toSend);
            } catch (SdkException e) {
                if (DynamoDbErrors.isRefusal(e)) return isolateRefused(toSend, byKey, e);
                throw new Undelivered(eventsOf(toSend, byKey), DynamoDbErrors.name(e), e);
            }
            itemsWritten.add(toSend.size() - unprocessed.size());
            if (unprocessed.isEmpty()) return Refused.none();
            if (attempt >= attempts) {
                throw new Undelivered(eventsOf(unprocessed, byKey), unprocessed.size()
                        + " items still unprocessed after " + attempts + " BatchWriteItem calls", null);
            }
            toSend = unprocessed;
            if (!pause(backoff.delay(attempt, ThreadLocalRandom.current()))) {
                throw new Undelivered(eventsOf(toSend, byKey), "interrupted while waiting to retry", null);
            }
        }
    }

    /** {@code BatchWriteItem} calls made so far (each one a request to DynamoDB). */
    long requests() {
        return requests.sum();
    }

    /** Items DynamoDB has acknowledged so far. */
    long itemsWritten() {
        return itemsWritten.sum();
    }

    private List<WriteRequest> send(List<WriteRequest> batch) {
        requests.increment();
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        return response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
    }

    /**
     * DynamoDB refused the batch as invalid: one bad item refuses all. Each item is sent alone to
     * find the bad ones, so that the good ones are not held hostage.
     */
    private Refused isolateRefused(List<WriteRequest> batch, Map<ItemKey, AuditEvent> byKey, SdkException first)
            throws Undelivered {
        if (batch.size() == 1) return new Refused(eventsOf(batch, byKey), DynamoDbErrors.name(first));
        List<AuditEvent> events = eventsOf(batch, byKey);
        List<AuditEvent> refused = new ArrayList<>();
        String reason = DynamoDbErrors.name(first);
        for (int i = 0; i < events.size(); i++) {
            Refused r;
            try {
                r = write(List.of(events.get(i)));
            } catch (Undelivered u) {
                // DynamoDB went away meanwhile: the refused ones wait with the rest, and are refused again on replay
                List<AuditEvent> remaining = new ArrayList<>(refused);
                remaining.addAll(events.subList(i, events.size()));
                throw new Undelivered(remaining, u.getMessage(), u.getCause());
            }
            refused.addAll(r.events());
            if (!r.events().isEmpty()) reason = r.reason();
        }
        return new Refused(refused, reason);
    }

    private static List<AuditEvent> eventsOf(List<WriteRequest> requests, Map<ItemKey, AuditEvent> byKey) {
        return requests.stream().map(r -> byKey.get(ItemKey.of(r.putRequest().item()))).toList();
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
