package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Authentication.ChangePasswordCommand;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input the core refuses never reaches a port, and still ends its use case with exactly one failure event. */
class InvalidInputTest {
    private static final String BAD_EMAIL = "not-an-email";
    private static final String WEAK = "abc";
    private static final AdminCommand BAD_TARGET = new AdminCommand(Actor.admin(new UserId("admin-1")), BAD_EMAIL, CONTEXT);
    private static final ErrorCode PARAM = ErrorCode.INVALID_PARAMETER;
    private static final ErrorCode POLICY = ErrorCode.INVALID_PASSWORD;

    private static Arguments refused(String what, AuditEventType type, ErrorCode code, Consumer<CoreWithFakes> call) {
        return Arguments.of(named(what, call), type, code);
    }

    static Stream<Arguments> refusedInput() {
        return Stream.of(
                refused("sign up, bad email", AuditEventType.SIGN_UP, PARAM,
                        c -> c.registration.signUp(new SignUpCommand(BAD_EMAIL, PASSWORD, CONTEXT))),
                refused("sign up, no email", AuditEventType.SIGN_UP, PARAM,
                        c -> c.registration.signUp(new SignUpCommand(null, PASSWORD, CONTEXT))),
                refused("sign up, no password", AuditEventType.SIGN_UP, PARAM,
                        c -> c.registration.signUp(new SignUpCommand("alice@example.com", null, CONTEXT))),
                refused("sign up, empty password", AuditEventType.SIGN_UP, PARAM,
                        c -> c.registration.signUp(new SignUpCommand("alice@example.com", "", CONTEXT))),
                refused("sign up, weak password", AuditEventType.SIGN_UP, POLICY,
                        c -> c.registration.signUp(new SignUpCommand("alice@example.com", WEAK, CONTEXT))),
                refused("confirm, bad email", AuditEventType.SIGN_UP_CONFIRMED, PARAM,
                        c -> c.registration.confirm(new ConfirmCommand(BAD_EMAIL, "123456", CONTEXT))),
                refused("confirm, no code", AuditEventType.SIGN_UP_CONFIRMED, PARAM,
                        c -> c.registration.confirm(new ConfirmCommand("alice@example.com", " ", CONTEXT))),
                refused("confirm, garbled code", AuditEventType.SIGN_UP_CONFIRMED, PARAM,
                        c -> c.registration.confirm(new ConfirmCommand("alice@example.com", "12 34;", CONTEXT))),
                refused("resend, bad email", AuditEventType.CONFIRMATION_CODE_SENT, PARAM,
                        c -> c.registration.resendCode(new EmailCommand(BAD_EMAIL, CONTEXT))),
                refused("send link, bad email", AuditEventType.VERIFICATION_LINK_SENT, PARAM,
                        c -> c.registration.sendVerificationLink(new EmailCommand(BAD_EMAIL, CONTEXT))),
                refused("complete link, bad email", AuditEventType.EMAIL_VERIFIED, PARAM,
                        c -> c.registration.completeLinkVerification(new EmailCommand(BAD_EMAIL, CONTEXT))),
                refused("sign in, bad email", AuditEventType.SIGN_IN, PARAM,
                        c -> c.authentication.signIn(new SignInCommand(BAD_EMAIL, PASSWORD, CONTEXT))),
                refused("sign in, no password", AuditEventType.SIGN_IN, PARAM,
                        c -> c.authentication.signIn(new SignInCommand("alice@example.com", null, CONTEXT))),
                refused("refresh, no token", AuditEventType.TOKENS_REFRESHED, PARAM,
                        c -> c.authentication.refresh(new TokenCommand(" ", CONTEXT))),
                refused("sign out, no token", AuditEventType.SIGN_OUT, PARAM,
                        c -> c.authentication.signOut(new TokenCommand(null, CONTEXT))),
                refused("forgot password, bad email", AuditEventType.PASSWORD_RESET_REQUESTED, PARAM,
                        c -> c.authentication.forgotPassword(new EmailCommand(BAD_EMAIL, CONTEXT))),
                refused("reset password, bad email", AuditEventType.PASSWORD_RESET, PARAM,
                        c -> c.authentication.resetPassword(new ResetPasswordCommand(BAD_EMAIL, "123456", PASSWORD, CONTEXT))),
                refused("reset password, no code", AuditEventType.PASSWORD_RESET, PARAM,
                        c -> c.authentication.resetPassword(
                                new ResetPasswordCommand("alice@example.com", null, PASSWORD, CONTEXT))),
                refused("reset password, no new password", AuditEventType.PASSWORD_RESET, PARAM,
                        c -> c.authentication.resetPassword(
                                new ResetPasswordCommand("alice@example.com", "123456", "", CONTEXT))),
                refused("reset password, weak new password", AuditEventType.PASSWORD_RESET, POLICY,
                        c -> c.authentication.resetPassword(
                                new ResetPasswordCommand("alice@example.com", "123456", WEAK, CONTEXT))),
                refused("change password, no token", AuditEventType.PASSWORD_CHANGED, PARAM,
                        c -> c.authentication.changePassword(new ChangePasswordCommand("", PASSWORD, "New-Pass-12", CONTEXT))),
                refused("change password, no old password", AuditEventType.PASSWORD_CHANGED, PARAM,
                        c -> c.authentication.changePassword(new ChangePasswordCommand("tok", null, "New-Pass-12", CONTEXT))),
                refused("change password, no new password", AuditEventType.PASSWORD_CHANGED, PARAM,
                        c -> c.authentication.changePassword(new ChangePasswordCommand("tok", PASSWORD, null, CONTEXT))),
                refused("change password, weak new password", AuditEventType.PASSWORD_CHANGED, POLICY,
                        c -> c.authentication.changePassword(new ChangePasswordCommand("tok", PASSWORD, WEAK, CONTEXT))),
                refused("delete account, no token", AuditEventType.USER_DELETED, PARAM,
                        c -> c.authentication.deleteAccount(new TokenCommand("", CONTEXT))),
                refused("admin confirm, bad email", AuditEventType.SIGN_UP_CONFIRMED, PARAM,
                        c -> c.administration.confirm(BAD_TARGET)),
                refused("admin disable, bad email", AuditEventType.USER_DISABLED, PARAM,
                        c -> c.administration.disable(BAD_TARGET)),
                refused("admin enable, bad email", AuditEventType.USER_ENABLED, PARAM,
                        c -> c.administration.enable(BAD_TARGET)),
                refused("admin delete, bad email", AuditEventType.USER_DELETED, PARAM,
                        c -> c.administration.delete(BAD_TARGET)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInput")
    void isRefusedBeforeAnyPortWithOneFailureEvent(Consumer<CoreWithFakes> call, AuditEventType type, ErrorCode code) {
        for (CoreWithFakes core : List.of(CoreWithFakes.byCode(), CoreWithFakes.byLink(),
                CoreWithFakes.withoutEnumerationProtection())) {
            core.seed("alice@example.com");
            List<String> portCallsBefore = core.portCalls();

            var failure = core.failureOf(() -> call.accept(core));

            assertThat(failure.error().code()).isEqualTo(code);
            assertThat(core.portCalls()).as("port calls").isEqualTo(portCallsBefore);
            assertThat(failure.event().type()).isEqualTo(type);
            assertThat(failure.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(failure.event().errorCode()).contains(code);
        }
    }
}
