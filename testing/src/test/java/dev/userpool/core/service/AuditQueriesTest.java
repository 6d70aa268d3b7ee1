package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading the audit trail: by account or address, by time, newest first, a page at a time. */
class AuditQueriesTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    private void aliceSignsUpConfirmsAndSignsInAMinuteApart() {
        core.signUp("alice@example.com");
        core.clock.advance(Duration.ofMinutes(1));
        core.registration.confirm(new ConfirmCommand("alice@example.com",
                core.codeSentTo("alice@example.com"), CoreWithFakes.CONTEXT));
        core.clock.advance(Duration.ofMinutes(1));
        core.signIn("alice@example.com");
    }

    @Test
    void anAccountsEventsComeNewestFirst() {
        aliceSignsUpConfirmsAndSignsInAMinuteApart();
        core.signUp("bob@example.com");

        Page<AuditEvent> page = core.auditQueries.forEmail("Alice@Example.com", PageRequest.first(10));

        assertThat(page.items()).extracting(AuditEvent::type).containsExactly(AuditEventType.SIGN_IN,
                AuditEventType.SIGN_UP_CONFIRMED, AuditEventType.SIGN_UP);
        assertThat(page.items()).extracting(AuditEvent::occurredAt)
                .containsExactly(START.plusSeconds(120), START.plusSeconds(60), START);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void anAccountsFailedSignInsAreInItsTrail() {
        aliceSignsUpConfirmsAndSignsInAMinuteApart();
        core.clock.advance(Duration.ofMinutes(1));
        core.failureOf(() -> core.signIn("alice@example.com", "Wrong-Pass-1"));

        AuditEvent newest = core.auditQueries.forEmail("alice@example.com", PageRequest.first(1)).items().get(0);

        assertThat(newest.type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(newest.errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anAddressWithoutAccountHasItsOwnTrail() {
        core.failureOf(() -> core.signIn("ghost@example.com", "Wrong-Pass-1"));
        core.clock.advance(Duration.ofSeconds(5));
        core.authentication.forgotPassword(new EmailCommand(
                "ghost@example.com", CoreWithFakes.CONTEXT));

        Page<AuditEvent> page = core.auditQueries.forEmail("ghost@example.com", PageRequest.first(10));

        assertThat(page.items()).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.PASSWORD_RESET_REQUESTED, AuditEventType.SIGN_IN);
    }

    @Test
    void aTrailIsReadAPageAtATime() {
        aliceSignsUpConfirmsAndSignsInAMinuteApart();

        Page<AuditEvent> first = core.auditQueries.forEmail("alice@example.com", PageRequest.first(2));
        Page<AuditEvent> second = core.auditQueries.forEmail("alice@example.com",
                new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.SIGN_IN, AuditEventType.SIGN_UP_CONFIRMED);
        assertThat(first.nextCursor()).isPresent();
        assertThat(second.items()).extracting(AuditEvent::type).containsExactly(AuditEventType.SIGN_UP);
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void eventsBetweenTwoInstantsIncludeTheStartAndExcludeTheEnd() {
        aliceSignsUpConfirmsAndSignsInAMinuteApart();

        Page<AuditEvent> page = core.auditQueries.between(START.plusSeconds(60), START.plusSeconds(120),
                PageRequest.first(10));

        assertThat(page.items()).extracting(AuditEvent::type).containsExactly(AuditEventType.SIGN_UP_CONFIRMED);
    }

    @Test
    void aTimeRangeNeedsBothEndsInOrder() {
        Instant t = START;
        for (Runnable bad : new Runnable[] {
                () -> core.auditQueries.between(null, t, PageRequest.first(1)),
                () -> core.auditQueries.between(t, null, PageRequest.first(1)),
                () -> core.auditQueries.between(t, t, PageRequest.first(1)),
                () -> core.auditQueries.between(t.plusSeconds(1), t, PageRequest.first(1))}) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(UserPoolException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        }
    }

    @Test
    void aTrailIsAskedForByAValidAddress() {
        assertThatThrownBy(() -> core.auditQueries.forEmail("nobody", PageRequest.first(1)))
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
