package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * With protection on (the default) a caller cannot tell an unknown address from a known one, while
 * the audit trail records what really happened; with it off, unknown addresses are {@code UserNotFound}.
 */
class UserEnumerationProtectionTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void signInOfAnUnknownUserFailsExactlyLikeAWrongPassword() {
        core.signUpAndConfirm("alice@example.com");

        var wrongPassword = core.failureOf(() -> core.signIn("alice@example.com", "Wrong-Pass-1"));
        var unknownUser = core.failureOf(() -> core.signIn("ghost@example.com", "Wrong-Pass-1"));

        assertThat(unknownUser.error().code()).isEqualTo(wrongPassword.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(unknownUser.error().getMessage()).isEqualTo(wrongPassword.error().getMessage());
        assertThat(unknownUser.error().details()).isEqualTo(wrongPassword.error().details());

        assertThat(unknownUser.event().type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(unknownUser.event().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(unknownUser.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
        assertThat(unknownUser.event().userId()).isEmpty();
        assertThat(unknownUser.event().email()).isEqualTo("ghost@example.com");
        assertThat(wrongPassword.event().errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void forgotPasswordForAnUnknownUserAnswersWithAPlausibleDelivery() {
        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() -> delivery.set(
                core.authentication.forgotPassword(new EmailCommand("Ghost@Example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(new CodeDelivery("g***@e***.com", "EMAIL", "email"));
        assertThat(event.type()).isEqualTo(AuditEventType.PASSWORD_RESET_REQUESTED);
        assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.errorCode()).contains(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void theSixthForgotPasswordWithinTheHourIsRefusedAlikeWithOrWithoutAnAccount() {
        core.signUpAndConfirm("anna@example.com");
        for (String address : java.util.List.of("anna@example.com", "amy@example.com")) {
            for (int i = 0; i < 5; i++) core.authentication.forgotPassword(new EmailCommand(address, CONTEXT));
            var sixth = core.failureOf(() -> core.authentication.forgotPassword(new EmailCommand(address, CONTEXT)));
            assertThat(sixth.error().code()).as(address).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
            assertThat(sixth.error().getMessage()).isEqualTo("Attempt limit exceeded, please try after some time.");
        }
    }

    @Test
    void aSignInEventSaysWhetherThePasswordWasChecked() {
        core.signUpAndConfirm("alice@example.com");

        var right = core.onlyEventOf(() -> core.signIn("alice@example.com", CoreWithFakes.PASSWORD));
        var malformed = core.failureOf(() -> core.signIn("not an address", "Wrong-Pass-1"));

        assertThat(right.passwordChecked()).contains(true);
        assertThat(malformed.event().passwordChecked()).as("refused before any directory").isEmpty();
    }

    @Test
    void resendForAnUnknownUserAnswersWithAPlausibleDelivery() {
        AtomicReference<CodeDelivery> delivery = new AtomicReference<>();
        AuditEvent event = core.onlyEventOf(() -> delivery.set(
                core.registration.resendCode(new EmailCommand("ghost@example.com", CONTEXT))));

        assertThat(delivery.get()).isEqualTo(new CodeDelivery("g***@e***.com", "EMAIL", "email"));
        assertThat(event.type()).isEqualTo(AuditEventType.CONFIRMATION_CODE_SENT);
        assertThat(event.errorCode()).contains(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void theAnswerForAnUnknownUserLooksLikeTheOneForAKnownUser() {
        core.signUp("alice@example.com");
        core.signUp("adam@example.com");
        core.signUpAndConfirm("anna@example.com");

        assertThat(core.registration.resendCode(new EmailCommand("amy@example.com", CONTEXT)))
                .isEqualTo(core.registration.resendCode(new EmailCommand("alice@example.com", CONTEXT)));
        assertThat(core.authentication.forgotPassword(new EmailCommand("amy@example.com", CONTEXT)))
                .isEqualTo(core.authentication.forgotPassword(new EmailCommand("anna@example.com", CONTEXT)));
    }

    @Test
    void aCodeForAnUnknownUserIsJustAWrongCode() {
        var confirm = core.failureOf(() ->
                core.registration.confirm(new ConfirmCommand("ghost@example.com", "123456", CONTEXT)));
        var reset = core.failureOf(() -> core.authentication.resetPassword(
                new ResetPasswordCommand("ghost@example.com", "123456", "New-Pass-12", CONTEXT)));

        assertThat(confirm.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        assertThat(confirm.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
        assertThat(reset.error().code()).isEqualTo(ErrorCode.CODE_MISMATCH);
        assertThat(reset.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void withProtectionOffUnknownUsersAreUserNotFound() {
        CoreWithFakes open = CoreWithFakes.withoutEnumerationProtection();

        var signIn = open.failureOf(() -> open.signIn("ghost@example.com", "Wrong-Pass-1"));
        var forgot = open.failureOf(() -> open.authentication.forgotPassword(new EmailCommand("ghost@example.com", CONTEXT)));
        var resend = open.failureOf(() -> open.registration.resendCode(new EmailCommand("ghost@example.com", CONTEXT)));
        var confirm = open.failureOf(() ->
                open.registration.confirm(new ConfirmCommand("ghost@example.com", "123456", CONTEXT)));

        for (var failure : new CoreWithFakes.Failure[] {signIn, forgot, resend, confirm}) {
            assertThat(failure.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
            assertThat(failure.event().errorCode()).contains(ErrorCode.USER_NOT_FOUND);
        }
    }

    @Test
    void withProtectionOffAWrongPasswordIsStillNotAuthorized() {
        CoreWithFakes open = CoreWithFakes.withoutEnumerationProtection();
        open.signUpAndConfirm("alice@example.com");

        assertThat(open.failureOf(() -> open.signIn("alice@example.com", "Wrong-Pass-1")).error().code())
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }
}
