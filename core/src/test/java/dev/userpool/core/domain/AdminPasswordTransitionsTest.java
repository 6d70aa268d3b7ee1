package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The states an administrator's invitation, temporary password and reset lead an account through. */
class AdminPasswordTransitionsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.com");
    private final User invited = User.invited(new UserId("u-1"), ALICE, false, T0, UserAttributes.none());
    private final User confirmed = User.signedUp(new UserId("u-2"), EmailAddress.parse("bob@example.com"), T0)
            .confirm(ConfirmationMethod.CODE).after();

    @Test
    void anInvitedAccountWaitsForItsOwnPasswordAndOpensNoSession() {
        assertThat(invited.status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(invited.canSignIn()).isFalse();
        assertThat(invited.needsNewPassword()).isTrue();
        invited.ensureCanSignIn();   // the temporary password was right: no refusal, a challenge
    }

    @Test
    void choosingANewPasswordConfirmsAndLeavesTheAddressAsItWas() {
        User.Transition chosen = invited.chooseNewPassword();
        assertThat(chosen.after().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(chosen.after().emailVerified()).isFalse();
        assertThat(chosen.happened()).isEqualTo(AuditEventType.NEW_PASSWORD_CHOSEN);
        User vouched = User.invited(new UserId("u-3"), ALICE, true, T0, UserAttributes.none());
        assertThat(vouched.chooseNewPassword().after().emailVerified()).isTrue();
    }

    @Test
    void onlyAnAccountWaitingForItsPasswordCanChooseOne() {
        assertThatThrownBy(confirmed::chooseNewPassword).isInstanceOf(UserPoolException.class)
                .extracting(e -> ((UserPoolException) e).code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anAdministratorsTemporaryPasswordSendsAConfirmedAccountBackToChoosing() {
        User.Transition temporary = confirmed.setPasswordByAdmin(false);
        assertThat(temporary.after().status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(temporary.happened()).isEqualTo(AuditEventType.PASSWORD_SET_BY_ADMIN);
        assertThat(invited.setPasswordByAdmin(true).after().status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void aResetAccountCannotSignInUntilItsResetIsComplete() {
        User reset = confirmed.resetPasswordByAdmin().after();
        assertThat(reset.status()).isEqualTo(UserStatus.RESET_REQUIRED);
        assertThat(reset.canSignIn()).isFalse();
        assertThatThrownBy(reset::ensureCanSignIn).isInstanceOf(UserPoolException.class)
                .hasMessage("Password reset required for the user")
                .extracting(e -> ((UserPoolException) e).code()).isEqualTo(ErrorCode.PASSWORD_RESET_REQUIRED);
        User.Transition completed = reset.completePasswordReset();
        assertThat(completed.after().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.completePasswordReset().after()).isEqualTo(confirmed);
    }

    @Test
    void onlyAnAccountWithAVerifiedAddressCanBeReset() {
        User unverified = confirmed.setPasswordByAdmin(true).after();
        User adminConfirmed = User.signedUp(new UserId("u-4"), ALICE, T0).confirm(ConfirmationMethod.ADMIN).after();
        assertThatThrownBy(adminConfirmed::resetPasswordByAdmin)
                .hasMessage("Cannot reset password for the user as there is no registered/verified email or phone_number");
        assertThat(unverified.resetPasswordByAdmin().after().status()).isEqualTo(UserStatus.RESET_REQUIRED);
        User invitedVerified = User.invited(new UserId("u-5"), ALICE, true, T0, UserAttributes.none());
        assertThatThrownBy(invitedVerified::resetPasswordByAdmin).hasMessage("User password cannot be reset in the current state.");
    }

    @Test
    void forgotPasswordWaitsForTheFirstOwnPassword() {
        assertThatThrownBy(invited::ensurePasswordCanBeReset).hasMessage("User password cannot be reset in the current state.");
        confirmed.ensurePasswordCanBeReset();
    }

    @Test
    void aConfirmedAccountLeavesConfirmedOnlyByAnAdministratorsPasswordAction() {
        User forced = confirmed.setPasswordByAdmin(false).after();
        assertThatThrownBy(() -> new User.Transition(confirmed, forced, AuditEventType.USER_DISABLED))
                .isInstanceOf(IllegalArgumentException.class);
        new User.Transition(confirmed, forced, AuditEventType.PASSWORD_SET_BY_ADMIN);
        User unconfirmed = new User(confirmed.id(), confirmed.email(), UserStatus.UNCONFIRMED, true, true, T0,
                UserAttributes.none());
        assertThatThrownBy(() -> new User.Transition(forced, unconfirmed, AuditEventType.PASSWORD_SET_BY_ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedTemporaryPasswordsPassThePolicyAndDiffer() {
        var generator = new TemporaryPasswords(PasswordPolicy.cognitoDefault(), new java.security.SecureRandom());
        Password a = generator.generate();
        Password b = generator.generate();
        assertThat(PasswordPolicy.cognitoDefault().violations(a)).isEmpty();
        assertThat(a.reveal()).isNotEqualTo(b.reveal()).hasSizeGreaterThanOrEqualTo(16);
        var strict = new PasswordPolicy(40, true, true, true, true);
        assertThat(new TemporaryPasswords(strict, new java.security.SecureRandom()).generate().length()).isEqualTo(40);
    }
}
