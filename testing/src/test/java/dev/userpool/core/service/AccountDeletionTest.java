package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Administration.Administrator;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import org.junit.jupiter.api.Test;

/** An account deleted by its holder or by an administrator, and the notice that says so. */
class AccountDeletionTest {
    private static final EmailAddress ALICE = email("alice@example.com");
    private final CoreWithFakes core = CoreWithFakes.byCode();

    private static void assertDeletionNotice(EmailMessage notice) {
        assertThat(notice.to()).isEqualTo(ALICE);
        assertThat(notice.kind()).isEqualTo(EmailMessage.Kind.ACCOUNT_DELETED);
        assertThat(notice.subject()).isEqualTo("Your account was deleted");
        assertThat(notice.textBody()).contains("alice@example.com").contains("was deleted")
                .contains("If you did not ask for this, contact us");
    }

    @Test
    void theHolderDeletesTheAccount() {
        User alice = core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");

        AuditEvent event = core.onlyEventOf(() ->
                core.authentication.deleteAccount(new TokenCommand(tokens.accessToken(), CONTEXT)));

        assertThat(core.directory.find(ALICE)).isEmpty();
        assertThat(event.type()).isEqualTo(AuditEventType.USER_DELETED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.user());
        assertThat(core.mailer.delivered()).singleElement().satisfies(AccountDeletionTest::assertDeletionNotice);
    }

    @Test
    void deletionWantsAnAccessToken() {
        core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");

        var failure = core.failureOf(() -> core.authentication.deleteAccount(new TokenCommand(tokens.idToken(), CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.USER_DELETED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(core.directory.find(ALICE)).isPresent();
        assertThat(core.mailer.delivered()).isEmpty();
    }

    @Test
    void anAdministratorDeletesTheAccount() {
        User alice = core.signUpAndConfirm("alice@example.com");
        Administrator admin = core.admin();

        AuditEvent event = core.onlyEventOf(() -> core.administration.delete(core.adminCommand(admin, "alice@example.com")));

        assertThat(core.directory.find(ALICE)).isEmpty();
        assertThat(event.type()).isEqualTo(AuditEventType.USER_DELETED);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.actor()).isEqualTo(Actor.admin(admin.id()));
        assertThat(core.mailer.delivered()).singleElement().satisfies(AccountDeletionTest::assertDeletionNotice);
    }

    @Test
    void aFailingMailerDoesNotUndoADeletionByTheHolder() {
        core.signUpAndConfirm("alice@example.com");
        Tokens tokens = core.signIn("alice@example.com");
        core.mailer.failWith(ErrorCode.SERVICE_UNAVAILABLE);

        AuditEvent event = core.onlyEventOf(() ->
                core.authentication.deleteAccount(new TokenCommand(tokens.accessToken(), CONTEXT)));

        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(core.directory.find(ALICE)).isEmpty();
    }

    @Test
    void aFailingMailerDoesNotUndoADeletionByAnAdministrator() {
        core.signUpAndConfirm("alice@example.com");
        Administrator admin = core.admin();
        core.mailer.failWith(ErrorCode.SERVICE_UNAVAILABLE);

        AuditEvent event = core.onlyEventOf(() -> core.administration.delete(core.adminCommand(admin, "alice@example.com")));

        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(core.directory.find(ALICE)).isEmpty();
    }
}
