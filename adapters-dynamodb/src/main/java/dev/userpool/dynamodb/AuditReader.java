package dev.userpool.dynamodb;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The two listings, newest first. By subject: one partition, read in sort-key order (strongly
 * consistent, so an event just recorded is there). By time range: each day of the range is spread
 * over the index's shards; the shards of a few days are queried at once and merged by sort key, the
 * number of days per round doubling while the pages stay empty (a sparse trail is crossed quickly,
 * a busy one is not over-read).
 *
 * <p>Events past the retention are not shown, whether or not DynamoDB's TTL has deleted them yet
 * (it may take days), and a time range never reaches further back than the retention.
 */
final class AuditReader implements AutoCloseable {
    /** Bounds the work of one page; a wider range answers with a cursor to go on from. */
    static final int MAX_DAYS_PER_PAGE = 1_000;
    private static final int MAX_DAYS_PER_ROUND = 16;
    private static final Comparator<Map<String, AttributeValue>> NEWEST_FIRST =
            Comparator.comparing((Map<String, AttributeValue> item) -> item.get(AuditKeys.GSI1_SK).s()).reversed();

    private final DynamoDbClient client;
    private final String table;
    private final AuditItemMapper mapper;
    private final Duration retention;
    private final Clock clock;
    private final ExecutorService queries;

    AuditReader(DynamoDbClient client, String table, AuditItemMapper mapper, Duration retention, Clock clock,
                int parallelQueries) {
        this.client = client;
        this.table = table;
        this.mapper = mapper;
        this.retention = retention;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.queries = Executors.newFixedThreadPool(parallelQueries, r -> {
            Thread t = new Thread(r, "userpool-audit-query-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Page<AuditEvent> bySubject(String subjectKey, PageRequest page) {
        Optional<String> before = page.cursor().map(c -> AuditCursor.decode(AuditCursor.Listing.SUBJECT, c));
        Map<String, String> names = new HashMap<>(Map.of("#pk", AuditKeys.PK, "#exp", AuditKeys.EXPIRES_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", AttributeValue.fromS(AuditKeys.partition(subjectKey)), ":now", nowEpochSeconds()));
        String condition = "#pk = :pk";
        if (before.isPresent()) {
            condition += " AND #sk < :before";
            names.put("#sk", AuditKeys.SK);
            values.put(":before", AttributeValue.fromS(before.get()));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
                .scanIndexForward(false).keyConditionExpression(condition).filterExpression("#exp > :now")
                .expressionAttributeNames(names).expressionAttributeValues(values);
        List<Map<String, AttributeValue>> items = collect(query, page.limit() + 1);
        return page(items, page.limit(), AuditCursor.Listing.SUBJECT, AuditKeys.SK, Optional.empty());
    }

    Page<AuditEvent> between(Instant from, Instant to, PageRequest page) {
        Instant floor = clock.instant().minus(retention);
        Instant lower = latest(from, floor, AuditKeys.EARLIEST);
        if (!to.isAfter(lower)) return new Page<>(List.of(), Optional.empty());
        String lowerBound = AuditKeys.instant(lower);
        String upperBound = AuditKeys.instant(to.isAfter(AuditKeys.LATEST) ? AuditKeys.LATEST : to);
        if (page.cursor().isPresent()) {
            String after = AuditCursor.decode(AuditCursor.Listing.RANGE, page.cursor().get());
            if (after.compareTo(upperBound) < 0) upperBound = after;
        }
        if (lowerBound.compareTo(upperBound) >= 0) return new Page<>(List.of(), Optional.empty());

        // A bare instant excludes itself; a sort key (an event shown last) excludes that event only.
        Instant top = AuditKeys.instantOf(upperBound);
        LocalDate day = AuditKeys.day(upperBound.indexOf('#') < 0 ? top.minusNanos(1) : top);
        LocalDate lastDay = AuditKeys.day(lower);
        int want = page.limit() + 1;
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        int scanned = 0;
        int round = 1;
        while (!day.isBefore(lastDay) && found.size() < want) {
            if (scanned >= MAX_DAYS_PER_PAGE) {
                String resumeBelow = AuditKeys.instant(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                return page(found, page.limit(), AuditCursor.Listing.RANGE, AuditKeys.GSI1_SK, Optional.of(resumeBelow));
            }
            int days = (int) Math.min(Math.min(round, ChronoUnit.DAYS.between(lastDay, day) + 1), MAX_DAYS_PER_PAGE - scanned);
            found.addAll(newestOf(day, days, lowerBound, upperBound, want - found.size()));
            scanned += days;
            day = day.minusDays(days);
            round = Math.min(round * 2, MAX_DAYS_PER_ROUND);
        }
        return page(found, page.limit(), AuditCursor.Listing.RANGE, AuditKeys.GSI1_SK, Optional.empty());
    }

    @Override
    public void close() {
        queries.shutdownNow();
    }

    /** Up to {@code need} events of each of {@code days} days from {@code newest} back, newest first. */
    private List<Map<String, AttributeValue>> newestOf(LocalDate newest, int days, String lower, String upper, int need) {
        List<List<CompletableFuture<List<Map<String, AttributeValue>>>>> perDay = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = newest.minusDays(d);
            List<CompletableFuture<List<Map<String, AttributeValue>>>> shards = new ArrayList<>();
            for (int shard = 0; shard < mapper.shards(); shard++) {
                QueryRequest.Builder query = dayQuery(AuditKeys.dayPartition(day, shard), lower, upper);
                shards.add(CompletableFuture.supplyAsync(() -> collect(query, need), queries));
            }
            perDay.add(shards);
        }
        List<Map<String, AttributeValue>> merged = new ArrayList<>();
        for (List<CompletableFuture<List<Map<String, AttributeValue>>>> shards : perDay) {
            List<Map<String, AttributeValue>> ofDay = new ArrayList<>();
            for (CompletableFuture<List<Map<String, AttributeValue>>> shard : shards) ofDay.addAll(join(shard));
            ofDay.removeIf(item -> item.get(AuditKeys.GSI1_SK).s().equals(upper));   // BETWEEN includes the bound
            ofDay.sort(NEWEST_FIRST);
            merged.addAll(ofDay);
        }
        return merged;
    }

    private QueryRequest.Builder dayQuery(String partition, String lower, String upper) {
        return QueryRequest.builder().tableName(table).indexName(AuditKeys.GSI1).scanIndexForward(false)
                .keyConditionExpression("#gpk = :gpk AND #gsk BETWEEN :lower AND :upper")
                .filterExpression("#exp > :now")
                .expressionAttributeNames(Map.of("#gpk", AuditKeys.GSI1_PK, "#gsk", AuditKeys.GSI1_SK,
                        "#exp", AuditKeys.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":gpk", AttributeValue.fromS(partition),
                        ":lower", AttributeValue.fromS(lower), ":upper", AttributeValue.fromS(upper),
                        ":now", nowEpochSeconds()));
    }

    /** Pages through one query until it has {@code want} items or no more (a page may stop at 1 MB, or hold only filtered items). */
    private List<Map<String, AttributeValue>> collect(QueryRequest.Builder query, int want) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse response = client.query(query.limit(want - items.size()).exclusiveStartKey(start).build());
                items.addAll(response.items());
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null && items.size() < want);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e, "reading events");
        }
        return items.size() > want ? items.subList(0, want) : items;
    }

    private Page<AuditEvent> page(List<Map<String, AttributeValue>> newestFirst, int limit, AuditCursor.Listing listing,
                                  String keyAttribute, Optional<String> resumeBelow) {
        if (newestFirst.size() > limit) {
            List<Map<String, AttributeValue>> shown = newestFirst.subList(0, limit);
            String last = shown.get(limit - 1).get(keyAttribute).s();
            return new Page<>(events(shown), Optional.of(AuditCursor.encode(listing, last)));
        }
        return new Page<>(events(newestFirst), resumeBelow.map(bound -> AuditCursor.encode(listing, bound)));
    }

    private List<AuditEvent> events(List<Map<String, AttributeValue>> items) {
        return items.stream().map(mapper::toEvent).toList();
    }

    private AttributeValue nowEpochSeconds() {
        return AttributeValue.fromN(Long.toString(clock.instant().getEpochSecond()));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UserPoolException u) throw u;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }
}
