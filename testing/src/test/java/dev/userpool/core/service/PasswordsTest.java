package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static dev.userpool.core.service.CoreWithFakes.email;
import static dev.userpool.core.service.CoreWithFakes.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Authentication.ChangePasswordCommand;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Forgot, reset and change password, with the notice each change sends. */
class PasswordsTest {
    private static final EmailAddress ALICE = email("alice@example.com");
    private static final String NEW_PASSWORD = "Brand-New-Pass-2";

    private final CoreWithFakes core = CoreWithFakes.byCode();
    private User alice;

    private void aliceExists() {
        alice = core.signUpAndConfirm("alice@example.com");
    }

    private ResetPasswordCommand reset(String code, String newPassword) {
        return new ResetPasswordCommand("alice@example.com", code, newPassword, CONTEXT);
    }

    private ChangePasswordCommand change(Tokens tokens, String oldPassword, String newPassword) {
        return new ChangePasswordCommand(tokens.accessToken(), oldPassword, newPassword, CONTEXT);
    }

    @Test
    void forgotPasswordSendsAResetCode() {
        aliceExists();

        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() ->
                delivery.set(core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(CodeDelivery.email(ALICE));
        assertThat(core.authenticator.lastResetCodeSentTo(ALICE)).isPresent();
        assertThat(event.type()).isEqualTo(AuditEventType.PASSWORD_RESET_REQUESTED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.actor()).isEqualTo(Actor.user());
    }

    @Test
    void theResetCodeSetsANewPasswordEndsSessionsAndSendsANotice() {
        aliceExists();
        Tokens before = core.signIn("alice@example.com");
        core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT));
        core.clock.advance(Duration.ofMinutes(10));

        AuditEvent event = core.onlyEventOf(() ->
                core.authentication.resetPassword(reset(core.resetCodeSentTo("alice@example.com"), NEW_PASSWORD)));

        assertThat(event.type()).isEqualTo(AuditEventType.PASSWORD_RESET);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(core.failureOf(() -> core.signIn("alice@example.com", PASSWORD)).error().code())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
        core.signIn("alice@example.com", NEW_PASSWORD);
        assertThat(core.failureOf(() -> core.authentication.refresh(
                new TokenCommand(before.refreshToken().orElseThrow(), CONTEXT))).error().code())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);

        EmailMessage notice = core.mailer.lastTo(ALICE).orElseThrow();
        assertThat(notice.kind()).isEqualTo(EmailMessage.Kind.PASSWORD_RESET);
        assertThat(notice.textBody()).contains("alice@example.com").contains("was reset")
                .contains("2025-03-01 10:10 UTC").contains("If this was not you");
        assertThat(notice.htmlBody()).contains("was reset").contains("If this was not you");
        assertThat(notice.oneTimeCode()).isEmpty();
    }

    @Test
    void aResetCodeWorksOnce() {
        aliceExists();
        core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT));
        String code = core.resetCodeSentTo("alice@example.com");
        core.authentication.resetPassword(reset(code, NEW_PASSWORD));

        var again = core.failureOf(() -> core.authentication.resetPassword(reset(code, "Another-Pass-3")));

        assertThat(again.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        core.signIn("alice@example.com", NEW_PASSWORD);
    }

    @Test
    void aWrongResetCodeIsCodeMismatch() {
        aliceExists();
        core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT));
        String code = core.resetCodeSentTo("alice@example.com");

        var failure = core.failureOf(() -> core.authentication.resetPassword(reset(wrongCode(code), NEW_PASSWORD)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.PASSWORD_RESET);
        assertThat(failure.event().errorCode()).contains(ErrorCode.CODE_MISMATCH);
        assertThat(failure.event().userId()).contains(alice.id());
        assertThat(core.mailer.delivered()).isEmpty();
        core.signIn("alice@example.com", PASSWORD);
    }

    @Test
    void aResetCodeLastsOneHour() {
        aliceExists();
        core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT));
        core.clock.advance(Duration.ofHours(1));

        var failure = core.failureOf(() ->
                core.authentication.resetPassword(reset(core.resetCodeSentTo("alice@example.com"), NEW_PASSWORD)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.EXPIRED_CODE);
        assertThat(failure.event().errorCode()).contains(ErrorCode.EXPIRED_CODE);
    }

    @Test
    void changePasswordSetsTheNewOneAndSendsANotice() {
        aliceExists();
        Tokens tokens = core.signIn("alice@example.com");

        AuditEvent event = core.onlyEventOf(() -> core.authentication.changePassword(change(tokens, PASSWORD, NEW_PASSWORD)));

        assertThat(event.type()).isEqualTo(AuditEventType.PASSWORD_CHANGED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.actor()).isEqualTo(Actor.user());
        core.signIn("alice@example.com", NEW_PASSWORD);

        EmailMessage notice = core.mailer.lastTo(ALICE).orElseThrow();
        assertThat(notice.kind()).isEqualTo(EmailMessage.Kind.PASSWORD_CHANGED);
        assertThat(notice.subject()).isEqualTo("Your password was changed");
        assertThat(notice.textBody()).contains("alice@example.com").contains("was changed")
                .contains("If this was not you, reset your password");
    }

    @Test
    void changePasswordWithAWrongOldPasswordChangesNothing() {
        aliceExists();
        Tokens tokens = core.signIn("alice@example.com");

        var failure = core.failureOf(() -> core.authentication.changePassword(change(tokens, "Not-The-Old-1", NEW_PASSWORD)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.PASSWORD_CHANGED);
        assertThat(failure.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.event().userId()).contains(alice.id());
        assertThat(core.mailer.delivered()).isEmpty();
        core.signIn("alice@example.com", PASSWORD);
    }

    @Test
    void changePasswordWantsAnAccessToken() {
        aliceExists();
        Tokens tokens = core.signIn("alice@example.com");

        var failure = core.failureOf(() -> core.authentication.changePassword(
                new ChangePasswordCommand(tokens.idToken(), PASSWORD, NEW_PASSWORD, CONTEXT)));

        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(core.authenticator.calls()).doesNotContain("changePassword");
    }

    @Test
    void aFailingMailerDoesNotUndoAPasswordChange() {
        aliceExists();
        Tokens tokens = core.signIn("alice@example.com");
        core.mailer.failWith(ErrorCode.SERVICE_UNAVAILABLE);

        AuditEvent event = core.onlyEventOf(() -> core.authentication.changePassword(change(tokens, PASSWORD, NEW_PASSWORD)));

        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        core.signIn("alice@example.com", NEW_PASSWORD);
    }

    @Test
    void aFailingMailerDoesNotUndoAPasswordReset() {
        aliceExists();
        core.authentication.forgotPassword(new EmailCommand("alice@example.com", CONTEXT));
        core.mailer.failWith(ErrorCode.SERVICE_UNAVAILABLE);

        AuditEvent event = core.onlyEventOf(() ->
                core.authentication.resetPassword(reset(core.resetCodeSentTo("alice@example.com"), NEW_PASSWORD)));

        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        core.signIn("alice@example.com", NEW_PASSWORD);
    }
}
