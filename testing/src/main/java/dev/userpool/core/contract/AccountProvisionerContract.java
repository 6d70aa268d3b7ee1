package dev.userpool.core.contract;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountProvisioner} does, together with its directory and its authenticator's
 * {@code NEW_PASSWORD_REQUIRED} path ({@link Authenticator#signInStep}, {@link Authenticator#completeNewPassword}).
 */
public abstract class AccountProvisionerContract {

    protected abstract AccountProvisioner provisioner();

    protected abstract UserDirectory directory();

    protected abstract Authenticator authenticator();

    protected abstract TokenVerifier tokenVerifier();

    /** The last code (confirmation or reset) emailed to {@code email}. */
    protected abstract String lastCodeSentTo(EmailAddress email);

    /** The instant the provisioner's clock shows. */
    protected abstract Instant now();

    /** Moves the clock the provisioner and authenticator read. */
    protected abstract void advanceClock(Duration by);

    protected static final Password TEMPORARY = Password.of("Temporary-Pass-1");
    protected static final Password CHOSEN = Password.of("My-Own-Password-2");

    protected EmailAddress newAddress() {
        return new EmailAddress("invite-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    protected User invited(EmailAddress email) {
        return provisioner().create(email, false, UserAttributes.none(), TEMPORARY, now().plus(Duration.ofDays(7)));
    }

    private NewPasswordRequired challenge(EmailAddress email, Password password) {
        SignInStep step = authenticator().signInStep(email, password);
        assertThat(step).isInstanceOf(NewPasswordRequired.class);
        return (NewPasswordRequired) step;
    }

    private User current(EmailAddress email) {
        return directory().find(email).orElseThrow();
    }

    private static ErrorCode codeOf(Throwable t) {
        return ((UserPoolException) t).code();
    }

    @Test
    void anInvitedAccountWaitsForItsOwnPassword() {
        EmailAddress email = newAddress();
        User created = invited(email);
        assertThat(created.status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(current(email).id()).isEqualTo(created.id());
        assertThat(current(email).status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(current(email).emailVerified()).isFalse();
    }

    @Test
    void aTakenAddressIsRefusedAndKeepsItsAccount() {
        EmailAddress email = newAddress();
        User first = invited(email);
        assertThatThrownBy(() -> invited(email)).extracting(AccountProvisionerContract::codeOf)
                .isEqualTo(ErrorCode.USERNAME_EXISTS);
        assertThat(current(email).id()).isEqualTo(first.id());
    }

    @Test
    void theTemporaryPasswordOpensTheChallengeAndTheNewPasswordASession() {
        EmailAddress email = newAddress();
        invited(email);
        NewPasswordRequired challenge = challenge(email, TEMPORARY);
        assertThat(challenge.user().email()).isEqualTo(email);
        SignedIn signedIn = authenticator().completeNewPassword(current(email).chooseNewPassword(), challenge.session(), CHOSEN);
        assertThat(tokenVerifier().verify(signedIn.tokens().accessToken()).userId()).isEqualTo(current(email).id());
        assertThat(current(email).status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(authenticator().signIn(email, CHOSEN).tokens().accessToken()).isNotBlank();
        assertThatThrownBy(() -> authenticator().signIn(email, TEMPORARY)).extracting(AccountProvisionerContract::codeOf)
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aWrongTemporaryPasswordOpensNothing() {
        EmailAddress email = newAddress();
        invited(email);
        assertThatThrownBy(() -> authenticator().signInStep(email, CHOSEN)).extracting(AccountProvisionerContract::codeOf)
                .isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aSessionIsAnsweredOnce() {
        EmailAddress email = newAddress();
        invited(email);
        NewPasswordRequired challenge = challenge(email, TEMPORARY);
        User waiting = current(email);
        authenticator().completeNewPassword(waiting.chooseNewPassword(), challenge.session(), CHOSEN);
        assertThatThrownBy(() -> authenticator().completeNewPassword(waiting.chooseNewPassword(), challenge.session(),
                Password.of("Yet-Another-3"))).extracting(AccountProvisionerContract::codeOf).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(authenticator().signIn(email, CHOSEN).tokens().accessToken()).isNotBlank();
    }

    @Test
    void anotherAccountsSessionIsRefusedAndUsedUp() {
        EmailAddress carol = newAddress();
        EmailAddress dave = newAddress();
        invited(carol);
        invited(dave);
        NewPasswordRequired davesChallenge = challenge(dave, TEMPORARY);
        assertThatThrownBy(() -> authenticator().completeNewPassword(current(carol).chooseNewPassword(),
                davesChallenge.session(), CHOSEN)).hasMessage("Invalid session for the user.");
        assertThat(current(carol).status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThatThrownBy(() -> authenticator().completeNewPassword(current(dave).chooseNewPassword(),
                davesChallenge.session(), CHOSEN)).extracting(AccountProvisionerContract::codeOf).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aSessionExpiresAfterThreeMinutes() {
        EmailAddress email = newAddress();
        invited(email);
        NewPasswordRequired challenge = challenge(email, TEMPORARY);
        advanceClock(Duration.ofMinutes(3));
        assertThatThrownBy(() -> authenticator().completeNewPassword(current(email).chooseNewPassword(),
                challenge.session(), CHOSEN)).extracting(AccountProvisionerContract::codeOf).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(current(email).status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
    }

    @Test
    void anExpiredTemporaryPasswordIsRefusedOnceProven() {
        EmailAddress email = newAddress();
        invited(email);
        advanceClock(Duration.ofDays(7));
        assertThatThrownBy(() -> authenticator().signInStep(email, TEMPORARY))
                .hasMessage("Temporary password has expired and must be reset by an administrator.");
        assertThatThrownBy(() -> authenticator().signInStep(email, CHOSEN)).hasMessage(UserPoolException.INCORRECT_CREDENTIALS);
    }

    @Test
    void aPermanentPasswordConfirmsAndATemporaryOneAsksAgainWithAFreshExpiry() {
        EmailAddress email = newAddress();
        invited(email);
        provisioner().setPassword(current(email).setPasswordByAdmin(true), CHOSEN, Optional.empty());
        assertThat(current(email).status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(authenticator().signIn(email, CHOSEN).tokens().accessToken()).isNotBlank();
        advanceClock(Duration.ofDays(8));
        provisioner().setPassword(current(email).setPasswordByAdmin(false), TEMPORARY, Optional.of(now().plus(Duration.ofDays(7))));
        assertThat(current(email).status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
        assertThat(challenge(email, TEMPORARY).session()).isNotBlank();
    }

    @Test
    void aChangeFromAStaleReadIsRefused() {
        EmailAddress email = newAddress();
        User read = invited(email);
        provisioner().setPassword(read.setPasswordByAdmin(true), CHOSEN, Optional.empty());
        assertThatThrownBy(() -> provisioner().setPassword(read.setPasswordByAdmin(true), TEMPORARY, Optional.empty()))
                .extracting(AccountProvisionerContract::codeOf).isEqualTo(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(authenticator().signIn(email, CHOSEN).tokens().accessToken()).isNotBlank();
    }

    @Test
    void aResetEndsTheSessionsAndWaitsForTheResetCode() {
        EmailAddress email = newAddress();
        directory().signUp(email, TEMPORARY, true);
        confirmByCode(directory(), email, ConfirmationCode.parse(lastCodeSentTo(email)));
        Tokens tokens = authenticator().signIn(email, TEMPORARY).tokens();
        provisioner().requireReset(current(email).resetPasswordByAdmin());
        assertThat(current(email).status()).isEqualTo(UserStatus.RESET_REQUIRED);
        assertThatThrownBy(() -> authenticator().refresh(tokens.refreshToken().orElseThrow()))
                .extracting(AccountProvisionerContract::codeOf).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThatThrownBy(() -> authenticator().signIn(email, TEMPORARY)).hasMessage("Password reset required for the user")
                .extracting(AccountProvisionerContract::codeOf).isEqualTo(ErrorCode.PASSWORD_RESET_REQUIRED);
        authenticator().confirmForgotPassword(email, ConfirmationCode.parse(lastCodeSentTo(email)), CHOSEN);
        assertThat(current(email).status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(authenticator().signIn(email, CHOSEN).tokens().accessToken()).isNotBlank();
    }

    @Test
    void forgotPasswordWaitsForTheFirstOwnPassword() {
        EmailAddress email = newAddress();
        invited(email);
        assertThatThrownBy(() -> authenticator().forgotPassword(email))
                .hasMessage("User password cannot be reset in the current state.");
    }
}
