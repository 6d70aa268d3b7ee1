package dev.userpool.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final InMemoryAuditLog log = new InMemoryAuditLog();

    private static AuditEvent event(Instant at, String userId) {
        return new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(), at, Outcome.SUCCESS,
                Optional.empty(), Optional.of(new UserId(userId)), userId + "@example.com", Actor.user(),
                Optional.empty(), RequestContext.internal("req")));
    }

    private List<AuditEvent> readAll(String subject, int limit) {
        List<AuditEvent> all = new ArrayList<>();
        Page<AuditEvent> page = log.bySubject(subject, PageRequest.first(limit));
        all.addAll(page.items());
        while (page.nextCursor().isPresent()) {
            page = log.bySubject(subject, new PageRequest(limit, page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }

    @Test
    void theSameEventIsKeptOnce() {
        AuditEvent e = event(T0, "u1");
        log.record(e);
        log.record(e);
        log.record(new AuditEvent(AuditEventType.SIGN_IN, e.facts()));
        assertThat(log.all()).containsExactly(e);
    }

    @Test
    void answersNewestFirstAndSameInstantInReverseRecordingOrder() {
        AuditEvent old = event(T0, "u1");
        AuditEvent sameA = event(T0.plusSeconds(5), "u1");
        AuditEvent sameB = event(T0.plusSeconds(5), "u1");
        AuditEvent newest = event(T0.plusSeconds(9), "u1");
        log.record(sameA);
        log.record(newest);
        log.record(old);
        log.record(sameB);

        assertThat(log.bySubject("u1", PageRequest.first(10)).items()).containsExactly(newest, sameB, sameA, old);
        assertThat(log.all()).containsExactly(sameA, newest, old, sameB);
    }

    @Test
    void pagesCoverEveryEventOnceEvenWhenNewOnesArrive() {
        List<AuditEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditEvent e = event(T0.plusSeconds(i), "u1");
            recorded.add(0, e);
            log.record(e);
        }
        log.record(event(T0, "u2"));

        Page<AuditEvent> first = log.bySubject("u1", PageRequest.first(3));
        log.record(event(T0.plusSeconds(100), "u1"));          // arrives between two pages
        List<AuditEvent> rest = new ArrayList<>(first.items());
        Page<AuditEvent> page = first;
        while (page.nextCursor().isPresent()) {
            page = log.bySubject("u1", new PageRequest(3, page.nextCursor()));
            rest.addAll(page.items());
        }

        assertThat(rest).containsExactlyElementsOf(recorded);
        assertThat(readAll("u1", 60)).hasSize(8);
        assertThat(readAll("u2", 1)).hasSize(1);
    }

    @Test
    void betweenIsHalfOpenAcrossSubjects() {
        AuditEvent a = event(T0, "u1");
        AuditEvent b = event(T0.plusSeconds(1), "u2");
        AuditEvent c = event(T0.plusSeconds(2), "u3");
        List.of(a, b, c).forEach(log::record);

        assertThat(log.between(T0, T0.plusSeconds(2), PageRequest.first(10)).items()).containsExactly(b, a);
    }

    @Test
    void aCursorNotGivenOutIsInvalidParameter() {
        log.record(event(T0, "u1"));
        for (String bad : new String[] {"garbage!", "YWZ0ZXI6OTk", "bm9wZQ"}) {
            assertThatThrownBy(() -> log.bySubject("u1", new PageRequest(1, Optional.of(bad))))
                    .isInstanceOfSatisfying(UserPoolException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        }
    }
}
