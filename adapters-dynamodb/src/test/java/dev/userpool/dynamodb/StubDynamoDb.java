package dev.userpool.dynamodb;

import dev.userpool.core.event.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A {@link DynamoDbClient} that keeps what {@code BatchWriteItem} puts in memory and answers as a
 * test tells it to: take everything, leave some items unprocessed, fail, or wait at a gate. It records
 * every call, so tests can count requests and see batch sizes.
 */
final class StubDynamoDb implements DynamoDbClient {
    /** Decides one call: returns the requests to leave unprocessed (and may throw, or block). */
    @FunctionalInterface
    interface Answer {
        List<WriteRequest> unprocessed(List<WriteRequest> requests) throws Exception;
    }

    static final Answer TAKE_ALL = requests -> List.of();

    private final Map<String, Map<String, AttributeValue>> stored = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final AuditItemMapper mapper = new AuditItemMapper(AuditLogOptions.DEFAULT_SHARDS, AuditLogOptions.DEFAULT_RETENTION);
    private volatile Answer answer = TAKE_ALL;
    private volatile RuntimeException queryFailure = new UnsupportedOperationException("the stub keeps no index");

    /** What {@code Query} throws. */
    void queryFails(RuntimeException e) {
        this.queryFailure = e;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        throw queryFailure;
    }

    void answer(Answer a) {
        this.answer = a;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        List<WriteRequest> requests = request.requestItems().values().iterator().next();
        batchSizes.add(requests.size());
        String table = request.requestItems().keySet().iterator().next();
        List<WriteRequest> unprocessed;
        try {
            unprocessed = answer.unprocessed(requests);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (WriteRequest r : requests) {
            if (!unprocessed.contains(r)) {
                Map<String, AttributeValue> item = r.putRequest().item();
                stored.put(item.get(AuditKeys.PK).s() + "|" + item.get(AuditKeys.SK).s(), item);
            }
        }
        return BatchWriteItemResponse.builder()
                .unprocessedItems(unprocessed.isEmpty() ? Map.of() : Map.of(table, unprocessed)).build();
    }

    /** The events stored, in no particular order. */
    List<AuditEvent> storedEvents() {
        return new ArrayList<>(stored.values()).stream().map(mapper::toEvent).toList();
    }

    int storedCount() {
        return stored.size();
    }

    /** One entry per {@code BatchWriteItem} call: how many items it carried. */
    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
