package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cognito's lockout: 2^(n-5) s after the n-th consecutive wrong password (n >= 5), at most 15 minutes. */
class SignInLockoutTest {
    private static final Password WRONG = Password.of("Wrong-Horse-1");

    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private final EmailAddress email = new EmailAddress("locked@example.com");

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        bed.confirmedUser(email);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private void failWithWrongPassword() {
        var e = assertRefused(() -> bed.authenticator.signIn(email, WRONG).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
    }

    private void refusedAsLocked(Password password) {
        var e = assertRefused(() -> bed.authenticator.signIn(email, password).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Password attempts exceeded");
    }

    private void signsIn() {
        assertThat(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().idToken()).isNotBlank();
    }

    @Test
    void theLockGrowsAsTwoToTheFailuresMinusFiveSecondsUpToFifteenMinutes() {
        assertThat(SignInLockout.lockAfter(4)).isZero();
        assertThat(SignInLockout.lockAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInLockout.lockAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInLockout.lockAfter(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInLockout.lockAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInLockout.lockAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 4; i++) failWithWrongPassword();

        signsIn();
    }

    @Test
    void theFifthFailureLocksForOneSecondEvenTheRightPassword() {
        for (int i = 0; i < 5; i++) failWithWrongPassword();

        refusedAsLocked(EmbeddedTestbed.PASSWORD);
        bed.clock.advance(Duration.ofMillis(999));
        refusedAsLocked(EmbeddedTestbed.PASSWORD);
        bed.clock.advance(Duration.ofMillis(1));
        signsIn();
    }

    @Test
    void eachFurtherFailureDoublesTheLock() {
        for (int i = 0; i < 5; i++) failWithWrongPassword();
        for (int n = 6; n <= 10; n++) {
            Duration previousLock = Duration.ofSeconds(1L << (n - 6));
            bed.clock.advance(previousLock.minusMillis(1));
            refusedAsLocked(WRONG);
            bed.clock.advance(Duration.ofMillis(1));
            failWithWrongPassword();   // the n-th failure, right as the previous lock ends
        }
        bed.clock.advance(Duration.ofSeconds(32).minusMillis(1));
        refusedAsLocked(EmbeddedTestbed.PASSWORD);
        bed.clock.advance(Duration.ofMillis(1));
        signsIn();
    }

    @Test
    void theLockIsCappedAtFifteenMinutes() {
        for (int n = 1; n <= 14; n++) {
            failWithWrongPassword();
            bed.clock.advance(SignInLockout.lockAfter(n));
        }
        failWithWrongPassword();                      // 15th: 2^10 s would be 17 min; capped at 15
        bed.clock.advance(Duration.ofMinutes(15).minusMillis(1));
        refusedAsLocked(EmbeddedTestbed.PASSWORD);    // an attempt: the count does not lapse
        bed.clock.advance(Duration.ofMillis(1));
        failWithWrongPassword();                      // 16th: 2^11 s uncapped; 15 min capped
        bed.clock.advance(Duration.ofMinutes(15).minusMillis(1));
        refusedAsLocked(EmbeddedTestbed.PASSWORD);
        bed.clock.advance(Duration.ofMillis(1));
        signsIn();
    }

    @Test
    void attemptsWhileLockedDoNotExtendTheLock() {
        for (int i = 0; i < 6; i++) {
            failWithWrongPassword();
            bed.clock.advance(SignInLockout.lockAfter(i + 1));
        }
        // the 6th failure locked for 2 s; it is over now. Fail a 7th time: locked for 4 s.
        failWithWrongPassword();
        for (int i = 0; i < 3; i++) {
            bed.clock.advance(Duration.ofSeconds(1));
            refusedAsLocked(WRONG);
            refusedAsLocked(EmbeddedTestbed.PASSWORD);
        }
        bed.clock.advance(Duration.ofSeconds(1));
        signsIn();
    }

    @Test
    void aCorrectPasswordAfterTheLockResetsTheCount() {
        for (int i = 0; i < 5; i++) failWithWrongPassword();
        bed.clock.advance(Duration.ofSeconds(1));
        signsIn();

        for (int i = 0; i < 4; i++) failWithWrongPassword();
        signsIn();
    }

    @Test
    void fifteenMinutesWithoutAnAttemptResetTheCount() {
        for (int i = 0; i < 4; i++) failWithWrongPassword();
        bed.clock.advance(Duration.ofMinutes(15));

        failWithWrongPassword();   // the first of a new count, so no lock
        signsIn();
    }

    @Test
    void aFifteenMinuteLockSatOutQuietlyEndsWithAFreshCount() {
        for (int n = 1; n <= 15; n++) {
            failWithWrongPassword();
            bed.clock.advance(SignInLockout.lockAfter(n));
        }
        failWithWrongPassword();   // 15 quiet minutes after the 15th failure: counted as the first again
        signsIn();
    }

    @Test
    void failuresLessThanFifteenMinutesApartKeepCounting() {
        for (int i = 0; i < 4; i++) failWithWrongPassword();
        bed.clock.advance(Duration.ofMinutes(14));

        failWithWrongPassword();
        refusedAsLocked(EmbeddedTestbed.PASSWORD);
    }

    @Test
    void theLockIsPerAccount() {
        EmailAddress other = new EmailAddress("other@example.com");
        bed.confirmedUser(other);
        for (int i = 0; i < 5; i++) failWithWrongPassword();

        assertThat(bed.authenticator.signIn(other, EmbeddedTestbed.PASSWORD).tokens().idToken()).isNotBlank();
    }

    @Test
    void aWrongOldPasswordInChangePasswordCountsTowardTheLock() {
        var tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        for (int i = 0; i < 5; i++) {
            assertRefused(() -> bed.authenticator.changePassword(tokens.accessToken(), WRONG, Password.of("New-Horse-22")),
                    ErrorCode.NOT_AUTHORIZED);
        }

        refusedAsLocked(EmbeddedTestbed.PASSWORD);
    }

    @Test
    void aPasswordResetClearsTheLock() {
        for (int i = 0; i < 5; i++) failWithWrongPassword();
        bed.authenticator.forgotPassword(email);
        Password fresh = Password.of("Fresh-Horse-33");
        bed.authenticator.confirmForgotPassword(email,
                dev.userpool.core.domain.ConfirmationCode.parse(bed.lastResetCode(email)), fresh);

        assertThat(bed.authenticator.signIn(email, fresh).tokens().idToken()).isNotBlank();
    }
}
