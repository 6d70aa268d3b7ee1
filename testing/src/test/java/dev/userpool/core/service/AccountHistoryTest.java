package dev.userpool.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An account's history of chosen event types (AdminListUserAuthEvents): by address or id, newest first, in whole pages. */
class AccountHistoryTest {
    private static final Set<AuditEventType> SIGN_INS = Set.of(AuditEventType.SIGN_IN);

    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void onlyTheTypesAskedForComeNewestFirstByAddressOrId() {
        User alice = core.signUpAndConfirm("alice@example.com");
        core.clock.advance(Duration.ofMinutes(1));
        String refreshToken = core.signIn("alice@example.com").refreshToken().orElseThrow();
        core.authentication.refresh(new TokenCommand(refreshToken, CoreWithFakes.CONTEXT));
        core.clock.advance(Duration.ofMinutes(1));
        core.failureOf(() -> core.signIn("alice@example.com", "Wrong-Pass-1"));

        Page<AuditEvent> byAddress = core.auditQueries.forAccount("Alice@Example.com",
                Set.of(AuditEventType.SIGN_IN, AuditEventType.SIGN_UP), PageRequest.first(10));
        Page<AuditEvent> byId = core.auditQueries.forAccount(alice.id().value(),
                Set.of(AuditEventType.SIGN_IN, AuditEventType.SIGN_UP), PageRequest.first(10));

        assertThat(byAddress.items()).extracting(AuditEvent::type).containsExactly(AuditEventType.SIGN_IN,
                AuditEventType.SIGN_IN, AuditEventType.SIGN_UP);
        assertThat(byAddress.items().get(0).errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(byAddress.nextCursor()).isEmpty();
        assertThat(byId).isEqualTo(byAddress);
    }

    @Test
    void pagesAreFullAndMissNothingWhateverLiesBetween() {
        core.signUpAndConfirm("alice@example.com");
        // sign-ins next to each other and apart: a read of the log must never bring more than the page still lacks
        int[] refreshesAfter = {0, 0, 0, 1, 0, 3, 0};
        for (int refreshes : refreshesAfter) {
            core.clock.advance(Duration.ofSeconds(1));
            String refreshToken = core.signIn("alice@example.com").refreshToken().orElseThrow();
            for (int r = 0; r < refreshes; r++) core.authentication.refresh(new TokenCommand(refreshToken, CoreWithFakes.CONTEXT));
        }
        List<AuditEvent> all = core.auditQueries.forAccount("alice@example.com", SIGN_INS, PageRequest.first(60)).items();

        List<AuditEvent> paged = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            Page<AuditEvent> page = core.auditQueries.forAccount("alice@example.com", SIGN_INS, request);
            paged.addAll(page.items());
            sizes.add(page.items().size());
            if (page.nextCursor().isEmpty()) break;
            request = new PageRequest(3, page.nextCursor());
        }

        assertThat(all).hasSize(7).extracting(AuditEvent::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void aLongStretchOfOtherEventsEndsAPageShortWithACursor() {
        core.signUpAndConfirm("alice@example.com");
        String refreshToken = core.signIn("alice@example.com").refreshToken().orElseThrow();
        for (int r = 0; r < AuditQueryService.MAX_READS_PER_PAGE + 5; r++) {
            core.clock.advance(Duration.ofSeconds(1));
            core.authentication.refresh(new TokenCommand(refreshToken, CoreWithFakes.CONTEXT));
        }

        Page<AuditEvent> first = core.auditQueries.forAccount("alice@example.com", SIGN_INS, PageRequest.first(1));
        Page<AuditEvent> second = core.auditQueries.forAccount("alice@example.com", SIGN_INS, new PageRequest(1, first.nextCursor()));

        assertThat(first.items()).isEmpty();
        assertThat(first.nextCursor()).isPresent();
        assertThat(second.items()).extracting(AuditEvent::type).containsExactly(AuditEventType.SIGN_IN);
    }

    @Test
    void anAddressWithoutAccountHasNoHistoryHere() {
        core.failureOf(() -> core.signIn("ghost@example.com", "Wrong-Pass-1"));
        for (String name : List.of("ghost@example.com", "0b5a4a38-58f4-4bd5-8d4c-6a6f1c0d2e11")) {
            assertThatThrownBy(() -> core.auditQueries.forAccount(name, SIGN_INS, PageRequest.first(10)))
                    .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        }
    }
}
