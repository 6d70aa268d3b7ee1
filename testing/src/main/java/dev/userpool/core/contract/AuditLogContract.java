package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.out.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link AuditLog} does: keeps each event once and whole, and lists them newest first in
 * pages. Each test uses its own subject and its own stretch of time, so a shared store (a real
 * DynamoDB table) does not mix tests.
 */
public abstract class AuditLogContract {

    protected abstract AuditLog auditLog();

    /** A stretch of time no other test writes to: a random minute in a far year. */
    private final Instant base = Instant.parse("2031-01-01T00:00:00Z")
            .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextInt(5_000_000)));
    private final UserId user = new UserId(UUID.randomUUID().toString());

    private AuditEvent event(AuditEventType type, Instant at) {
        return new AuditEvent(type, new EventFacts(UUID.randomUUID(), at, Outcome.SUCCESS, Optional.empty(),
                Optional.of(user), "someone@example.com", Actor.user(), Optional.empty(),
                RequestContext.internal("req-" + UUID.randomUUID())));
    }

    private AuditEvent event(Instant at) {
        return event(AuditEventType.SIGN_IN, at);
    }

    /** Every optional field present, with values that would show any mix-up. */
    private AuditEvent fullEvent(AuditEventType type) {
        return new AuditEvent(type, new EventFacts(UUID.randomUUID(), base.plusNanos(123_456_789), Outcome.FAILURE,
                Optional.of(ErrorCode.CODE_MISMATCH), Optional.of(user), "Person+Tag@Example.com", 
                Actor.admin(new UserId(UUID.randomUUID().toString())), Optional.of(ConfirmationMethod.ADMIN),
                new RequestContext("req-1", Optional.of("2001:db8::1"), Optional.of("Mozilla/5.0 (X11; “quoted”)"))));
    }

    private List<AuditEvent> readAll(BiFunction<AuditLog, PageRequest, Page<AuditEvent>> query, int pageSize) {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int pages = 0; pages < 100; pages++) {
            Page<AuditEvent> page = query.apply(auditLog(), request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            if (page.nextCursor().isEmpty()) return all;
            request = new PageRequest(pageSize, page.nextCursor());
        }
        throw new AssertionError("the listing never ended");
    }

    private List<AuditEvent> bySubject(int pageSize) {
        return readAll((log, page) -> log.bySubject(user.value(), page), pageSize);
    }

    @Test
    void aRecordedEventIsFoundUnderItsSubject() {
        AuditEvent e = event(base);
        auditLog().record(e);

        assertThat(bySubject(10)).containsExactly(e);
    }

    @Test
    void everyFieldComesBackAsRecorded() {
        AuditEvent full = fullEvent(AuditEventType.SIGN_UP_CONFIRMED);
        AuditEvent sparse = new AuditEvent(AuditEventType.SIGN_UP, new EventFacts(UUID.randomUUID(),
                base.plusSeconds(1), Outcome.SUCCESS, Optional.empty(), Optional.of(user), "", Actor.system(),
                Optional.empty(), RequestContext.internal("req-2")));
        auditLog().record(full);
        auditLog().record(sparse);

        assertThat(bySubject(10)).containsExactly(sparse, full);
    }

    @ParameterizedTest
    @EnumSource(AuditEventType.class)
    void everyEventTypeComesBackAsItsOwnRecord(AuditEventType type) {
        AuditEvent e = fullEvent(type);
        auditLog().record(e);

        List<AuditEvent> found = bySubject(10);
        assertThat(found).containsExactly(e);
        assertThat(found.get(0).type()).isEqualTo(type);
    }

    @Test
    void anEventWithoutAccountIsKeptUnderItsAddress() {
        String address = "nobody-" + UUID.randomUUID() + "@example.com";
        AuditEvent e = new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(), base, Outcome.FAILURE,
                Optional.of(ErrorCode.USER_NOT_FOUND), Optional.empty(), address, Actor.user(), Optional.empty(),
                RequestContext.internal("req-3")));
        auditLog().record(e);

        assertThat(auditLog().bySubject(address, PageRequest.first(10)).items()).containsExactly(e);
    }

    @Test
    void recordingAnEventTwiceKeepsOneCopy() {
        AuditEvent e = event(base);
        auditLog().record(e);
        auditLog().record(e);

        assertThat(bySubject(10)).containsExactly(e);
    }

    @Test
    void eventsOfASubjectComeNewestFirstInPages() {
        List<AuditEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) recorded.add(event(base.plusSeconds(i)));
        // recorded out of order: the listing sorts, not the arrival
        for (int i : new int[] {3, 0, 4, 1, 2}) auditLog().record(recorded.get(i));

        Page<AuditEvent> first = auditLog().bySubject(user.value(), PageRequest.first(2));
        assertThat(first.items()).containsExactly(recorded.get(4), recorded.get(3));
        assertThat(first.nextCursor()).isPresent();
        assertThat(bySubject(2)).containsExactly(recorded.get(4), recorded.get(3), recorded.get(2), recorded.get(1),
                recorded.get(0));
    }

    @Test
    void theLastPageHasNoCursor() {
        auditLog().record(event(base));
        auditLog().record(event(base.plusSeconds(1)));

        Page<AuditEvent> page = auditLog().bySubject(user.value(), PageRequest.first(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void eventsAtTheSameInstantAreEachListedOnce() {
        List<AuditEvent> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AuditEvent e = event(base);
            recorded.add(e);
            auditLog().record(e);
        }

        assertThat(bySubject(2)).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void betweenIncludesFromExcludesToAndSpansSubjects() {
        AuditEvent before = event(base.minusNanos(1));
        AuditEvent atFrom = event(base);
        AuditEvent otherSubject = new AuditEvent(AuditEventType.SIGN_UP, new EventFacts(UUID.randomUUID(),
                base.plusSeconds(30), Outcome.SUCCESS, Optional.empty(), Optional.empty(),
                "other-" + UUID.randomUUID() + "@example.com", Actor.user(), Optional.empty(),
                RequestContext.internal("req-4")));
        AuditEvent justBeforeTo = event(base.plusSeconds(60).minusNanos(1));
        AuditEvent atTo = event(base.plusSeconds(60));
        for (AuditEvent e : List.of(before, atFrom, otherSubject, justBeforeTo, atTo)) auditLog().record(e);

        List<AuditEvent> found = readAll((log, page) -> log.between(base, base.plusSeconds(60), page), 2);

        assertThat(found).containsExactly(justBeforeTo, otherSubject, atFrom);
    }

    @Test
    void aCursorFromNowhereIsInvalidParameter() {
        assertRefused(() -> auditLog().bySubject(user.value(), new PageRequest(5, Optional.of("%%% not a cursor"))),
                ErrorCode.INVALID_PARAMETER);
    }
}
