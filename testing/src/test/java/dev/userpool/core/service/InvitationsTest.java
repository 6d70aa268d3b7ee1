package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Authentication.NewPasswordCommand;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.PasswordAdministration.InviteCommand;
import dev.userpool.core.port.in.PasswordAdministration.MessageAction;
import dev.userpool.core.port.in.PasswordAdministration.SetPasswordCommand;
import dev.userpool.core.port.in.SignInResult;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Admin-created accounts, their first sign-in, and an operator's password actions, on the fakes. */
class InvitationsTest {
    private static final String TEMPORARY = "Temporary-Pass-1";
    private static final String CHOSEN = "My-Own-Password-2";
    private static final String CAROL = "carol@example.com";
    private final CoreWithFakes core = CoreWithFakes.byCode();

    private User invite(String address, Optional<String> temporary, MessageAction action) {
        return core.passwordAdministration.invite(new InviteCommand(Actor.system(), address, Optional.empty(), false,
                UserAttributes.none(), temporary, action, CONTEXT));
    }

    private NewPasswordRequired challengeFor(String address, String password) {
        SignInResult result = core.authentication.signInStep(new SignInCommand(address, password, CONTEXT));
        assertThat(result).isInstanceOf(SignInResult.NewPasswordChallenge.class);
        return ((SignInResult.NewPasswordChallenge) result).challenge();
    }

    private NewPasswordCommand answer(String address, NewPasswordRequired challenge, String newPassword) {
        return new NewPasswordCommand(address, challenge.session(), newPassword, CONTEXT);
    }

    @Test
    void anInvitationMailsTheTemporaryPasswordAndTheSignInPageAndRecordsNoSecret() {
        var event = core.onlyEventOf(() -> invite(CAROL, Optional.of(TEMPORARY), MessageAction.SEND));
        assertThat(event.type()).isEqualTo(AuditEventType.USER_INVITED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.toString()).doesNotContain(TEMPORARY);
        EmailMessage mail = core.mailer.lastTo(email(CAROL)).orElseThrow();
        assertThat(mail.kind()).isEqualTo(EmailMessage.Kind.INVITATION);
        assertThat(mail.textBody()).contains(TEMPORARY).contains(CoreWithFakes.SIGN_IN_PAGE.toString());
        assertThat(mail.toString()).doesNotContain(TEMPORARY);
        User carol = core.directory.find(email(CAROL)).orElseThrow();
        assertThat(carol.status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(carol.emailVerified()).isFalse();
    }

    @Test
    void withoutATemporaryPasswordOneIsGeneratedAndMailed() {
        invite(CAROL, Optional.empty(), MessageAction.SEND);
        String generated = core.mailer.lastTo(email(CAROL)).orElseThrow().oneTimeCode().orElseThrow();
        assertThat(challengeFor(CAROL, generated).user().email()).isEqualTo(email(CAROL));
    }

    @Test
    void suppressSendsNothing() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        assertThat(core.mailer.deliveredTo(email(CAROL))).isEmpty();
    }

    @Test
    void aWeakTemporaryPasswordCreatesNothing() {
        var failure = core.failureOf(() -> invite(CAROL, Optional.of("weak"), MessageAction.SEND));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
        assertThat(failure.event().type()).isEqualTo(AuditEventType.USER_INVITED);
        assertThat(core.directory.find(email(CAROL))).isEmpty();
        assertThat(core.mailer.delivered()).isEmpty();
    }

    @Test
    void anExistingAddressIsRefusedAndKeepsItsAccount() {
        User before = core.seed(CAROL);
        var failure = core.failureOf(() -> invite(CAROL, Optional.of(TEMPORARY), MessageAction.SEND));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.USERNAME_EXISTS);
        assertThat(core.directory.find(email(CAROL))).contains(before);
        assertThat(core.mailer.delivered()).isEmpty();
    }

    @Test
    void theFirstSignInAsksForANewPasswordAndTheAnswerConfirmsAndSignsIn() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        int before = core.auditLog.size();
        NewPasswordRequired challenge = challengeFor(CAROL, TEMPORARY);
        assertThat(core.eventsSince(before)).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(AuditEventType.NEW_PASSWORD_REQUIRED));
        assertThat(challenge.toString()).doesNotContain(challenge.session());
        var chosen = core.onlyEventOf(() -> core.authentication.completeNewPassword(answer(CAROL, challenge, CHOSEN)));
        assertThat(chosen.type()).isEqualTo(AuditEventType.NEW_PASSWORD_CHOSEN);
        assertThat(chosen.toString()).doesNotContain(challenge.session()).doesNotContain(CHOSEN);
        assertThat(core.directory.find(email(CAROL)).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(core.signIn(CAROL, CHOSEN).accessToken()).isNotBlank();
    }

    @Test
    void aCallerThatCannotPresentTheChallengeIsRefused() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        var failure = core.failureOf(() -> core.signIn(CAROL, TEMPORARY));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aSessionIsUsedOnce() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        NewPasswordRequired challenge = challengeFor(CAROL, TEMPORARY);
        core.authentication.completeNewPassword(answer(CAROL, challenge, CHOSEN));
        var replay = core.failureOf(() -> core.authentication.completeNewPassword(answer(CAROL, challenge, "Yet-Another-3")));
        assertThat(replay.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(replay.error()).hasMessage("Invalid session for the user.");
        assertThat(core.signIn(CAROL, CHOSEN).accessToken()).isNotBlank();
    }

    @Test
    void anotherAccountsSessionIsRefusedAndChangesNothing() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        invite("dave@example.com", Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        NewPasswordRequired davesChallenge = challengeFor("dave@example.com", TEMPORARY);
        var failure = core.failureOf(() -> core.authentication.completeNewPassword(answer(CAROL, davesChallenge, CHOSEN)));
        assertThat(failure.error()).hasMessage("Invalid session for the user.");
        assertThat(core.directory.find(email(CAROL)).orElseThrow().status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void anUnknownNameAnswersLikeABadSession() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        NewPasswordRequired challenge = challengeFor(CAROL, TEMPORARY);
        var failure = core.failureOf(() -> core.authentication.completeNewPassword(answer("nobody@example.com", challenge, CHOSEN)));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(failure.error()).hasMessage("Invalid session for the user.");
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheSessionStillWaits() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        NewPasswordRequired challenge = challengeFor(CAROL, TEMPORARY);
        var failure = core.failureOf(() -> core.authentication.completeNewPassword(answer(CAROL, challenge, "weak")));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
        core.authentication.completeNewPassword(answer(CAROL, challenge, CHOSEN));
    }

    @Test
    void anExpiredSessionIsRefused() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        NewPasswordRequired challenge = challengeFor(CAROL, TEMPORARY);
        core.clock.advance(Duration.ofMinutes(3));
        var failure = core.failureOf(() -> core.authentication.completeNewPassword(answer(CAROL, challenge, CHOSEN)));
        assertThat(failure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anExpiredTemporaryPasswordMustBeResetByAnAdministrator() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        core.clock.advance(Duration.ofDays(7));
        var failure = core.failureOf(() -> core.authentication.signInStep(new SignInCommand(CAROL, TEMPORARY, CONTEXT)));
        assertThat(failure.error()).hasMessage("Temporary password has expired and must be reset by an administrator.");
        assertThat(failure.event().type()).isEqualTo(AuditEventType.SIGN_IN);
        // RESEND gives a new temporary password and a new week
        invite(CAROL, Optional.empty(), MessageAction.RESEND);
        String fresh = core.mailer.lastTo(email(CAROL)).orElseThrow().oneTimeCode().orElseThrow();
        assertThat(challengeFor(CAROL, fresh)).isNotNull();
    }

    @Test
    void resendReplacesTheTemporaryPasswordOnlyWhileItWaits() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SEND);
        invite(CAROL, Optional.of("Second-Temporary-4"), MessageAction.RESEND);
        assertThat(core.mailer.deliveredTo(email(CAROL))).hasSize(2);
        var old = core.failureOf(() -> core.authentication.signInStep(new SignInCommand(CAROL, TEMPORARY, CONTEXT)));
        assertThat(old.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        core.authentication.completeNewPassword(answer(CAROL, challengeFor(CAROL, "Second-Temporary-4"), CHOSEN));
        var refused = core.failureOf(() -> invite(CAROL, Optional.empty(), MessageAction.RESEND));
        assertThat(refused.error().code()).isEqualTo(ErrorCode.UNSUPPORTED_USER_STATE);
        assertThat(refused.error()).hasMessage("Resend not possible. " + CAROL + " status is not FORCE_CHANGE_PASSWORD");
        var unknown = core.failureOf(() -> invite("nobody@example.com", Optional.empty(), MessageAction.RESEND));
        assertThat(unknown.error().code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void aPermanentPasswordConfirmsAndATemporaryOneAsksAgain() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        var set = core.onlyEventOf(() -> core.passwordAdministration.setPassword(
                new SetPasswordCommand(Actor.system(), CAROL, CHOSEN, true, CONTEXT)));
        assertThat(set.type()).isEqualTo(AuditEventType.PASSWORD_SET_BY_ADMIN);
        assertThat(core.signIn(CAROL, CHOSEN).accessToken()).isNotBlank();
        core.passwordAdministration.setPassword(new SetPasswordCommand(Actor.system(), CAROL, TEMPORARY, false, CONTEXT));
        assertThat(core.directory.find(email(CAROL)).orElseThrow().status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(challengeFor(CAROL, TEMPORARY)).isNotNull();
        var weak = core.failureOf(() -> core.passwordAdministration.setPassword(
                new SetPasswordCommand(Actor.system(), CAROL, "weak", true, CONTEXT)));
        assertThat(weak.error().code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
        assertThat(core.directory.find(email(CAROL)).orElseThrow().status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void aResetEndsTheSessionsAndSignInWaitsForTheResetCode() {
        core.registration.signUp(new dev.userpool.core.port.in.Registration.SignUpCommand(CAROL, CoreWithFakes.PASSWORD, CONTEXT));
        core.registration.confirm(new dev.userpool.core.port.in.Registration.ConfirmCommand(CAROL, core.codeSentTo(CAROL), CONTEXT));
        String refresh = core.signIn(CAROL).refreshToken().orElseThrow();
        var reset = core.onlyEventOf(() -> core.passwordAdministration.resetPassword(new AdminCommand(Actor.system(), CAROL, CONTEXT)));
        assertThat(reset.type()).isEqualTo(AuditEventType.PASSWORD_RESET_BY_ADMIN);
        var refreshFailure = core.failureOf(() -> core.authentication.refresh(
                new dev.userpool.core.port.in.Authentication.TokenCommand(refresh, CONTEXT)));
        assertThat(refreshFailure.error().code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        var signIn = core.failureOf(() -> core.signIn(CAROL));
        assertThat(signIn.error().code()).isEqualTo(ErrorCode.PASSWORD_RESET_REQUIRED);
        assertThat(signIn.error()).hasMessage("Password reset required for the user");
        core.authentication.resetPassword(new ResetPasswordCommand(CAROL, core.resetCodeSentTo(CAROL), CHOSEN, CONTEXT));
        assertThat(core.directory.find(email(CAROL)).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(core.signIn(CAROL, CHOSEN).accessToken()).isNotBlank();
    }

    @Test
    void forgotPasswordWaitsForTheFirstOwnPassword() {
        invite(CAROL, Optional.of(TEMPORARY), MessageAction.SUPPRESS);
        var failure = core.failureOf(() -> core.authentication.forgotPassword(new EmailCommand(CAROL, CONTEXT)));
        assertThat(failure.error()).hasMessage("User password cannot be reset in the current state.");
    }
}
