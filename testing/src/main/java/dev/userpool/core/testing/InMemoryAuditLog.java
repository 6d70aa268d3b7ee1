package dev.userpool.core.testing;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An {@link AuditLog} in memory: one copy per event id, queries newest first (events of the same
 * instant in reverse recording order), and cursors that stay right when newer events arrive.
 */
public final class InMemoryAuditLog implements AuditLog {
    private record Entry(long seq, AuditEvent event) {}

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry e) -> e.event().occurredAt()).thenComparingLong(Entry::seq).reversed();

    private final Map<UUID, Entry> byId = new LinkedHashMap<>();
    private long nextSeq;

    @Override
    public synchronized void record(AuditEvent event) {
        byId.computeIfAbsent(event.eventId(), id -> new Entry(nextSeq++, event));
    }

    @Override
    public Page<AuditEvent> bySubject(String subjectKey, PageRequest page) {
        return page(e -> e.subjectKey().equals(subjectKey), page);
    }

    @Override
    public Page<AuditEvent> between(Instant from, Instant to, PageRequest page) {
        return page(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to), page);
    }

    /** Every event kept, in the order recorded. */
    public synchronized List<AuditEvent> all() {
        return byId.values().stream().map(Entry::event).toList();
    }

    public synchronized int size() {
        return byId.size();
    }

    private synchronized Page<AuditEvent> page(Predicate<AuditEvent> matches, PageRequest request) {
        List<Entry> newestFirst = byId.values().stream().filter(e -> matches.test(e.event()))
                .sorted(NEWEST_FIRST).toList();
        int start = 0;
        if (request.cursor().isPresent()) {
            long after = decodeCursor(request.cursor().get());
            int at = indexOf(newestFirst, after);
            if (at < 0) throw UserPoolException.invalidParameter("cursor", "is not one this query gave out");
            start = at + 1;
        }
        int end = Math.min(start + request.limit(), newestFirst.size());
        List<Entry> slice = newestFirst.subList(start, end);
        Optional<String> next = end < newestFirst.size()
                ? Optional.of(encodeCursor(slice.get(slice.size() - 1).seq()))
                : Optional.empty();
        return new Page<>(slice.stream().map(Entry::event).toList(), next);
    }

    private static int indexOf(List<Entry> entries, long seq) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).seq() == seq) return i;
        }
        return -1;
    }

    private static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("after:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith("after:")) throw new IllegalArgumentException(plain);
            return Long.parseLong(plain.substring("after:".length()));
        } catch (IllegalArgumentException e) {
            throw UserPoolException.invalidParameter("cursor", "is not one this query gave out");
        }
    }
}
