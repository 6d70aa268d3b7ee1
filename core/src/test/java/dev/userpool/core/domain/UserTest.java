package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UserTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final User fresh = User.signedUp(new UserId("u-1"), EmailAddress.parse("alice@example.com"), T0);

    @Test
    void signUpLeavesAnEnabledUnconfirmedAccountWithAnUnverifiedAddress() {
        assertThat(fresh.status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(fresh.emailVerified()).isFalse();
        assertThat(fresh.enabled()).isTrue();
        assertThat(fresh.createdAt()).isEqualTo(T0);
    }

    @Test
    void confirmingByCodeVerifiesTheAddress() {
        User confirmed = fresh.confirm(ConfirmationMethod.CODE).after();
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isTrue();
    }

    @Test
    void confirmingByLinkVerifiesTheAddress() {
        User confirmed = fresh.confirm(ConfirmationMethod.LINK).after();
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isTrue();
    }

    @Test
    void anAdminsConfirmationLeavesTheAddressUnverified() {
        User confirmed = fresh.confirm(ConfirmationMethod.ADMIN).after();
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isFalse();
    }

    @Test
    void confirmationKeepsIdentityAndHistory() {
        User confirmed = fresh.confirm(ConfirmationMethod.CODE).after();
        assertThat(confirmed.id()).isEqualTo(fresh.id());
        assertThat(confirmed.email()).isEqualTo(fresh.email());
        assertThat(confirmed.createdAt()).isEqualTo(T0);
        assertThat(confirmed.enabled()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ConfirmationMethod.class)
    void onlyAnUnconfirmedAccountCanBeConfirmed(ConfirmationMethod method) {
        User confirmed = fresh.confirm(ConfirmationMethod.ADMIN).after();
        assertThatThrownBy(() -> confirmed.confirm(method))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).contains("CONFIRMED");
                });
    }

    @Test
    void anUnconfirmedAccountCannotSignIn() {
        assertThat(fresh.canSignIn()).isFalse();
        assertThatThrownBy(fresh::ensureCanSignIn)
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_CONFIRMED));
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        User disabled = fresh.confirm(ConfirmationMethod.CODE).after().disable().after();
        assertThat(disabled.canSignIn()).isFalse();
        assertThatThrownBy(disabled::ensureCanSignIn)
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void beingDisabledWeighsMoreThanBeingUnconfirmed() {
        assertThatThrownBy(fresh.disable().after()::ensureCanSignIn)
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void aConfirmedEnabledAccountCanSignIn() {
        User confirmed = fresh.confirm(ConfirmationMethod.ADMIN).after();
        assertThat(confirmed.canSignIn()).isTrue();
        confirmed.ensureCanSignIn();
        assertThat(confirmed.disable().after().enable().after().canSignIn()).isTrue();
    }

    @Test
    void linkCompletionConfirmsAndVerifies() {
        User.Transition done = fresh.completeLinkVerification();
        assertThat(done.after().status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(done.after().emailVerified()).isTrue();
        assertThat(done.happened()).isEqualTo(AuditEventType.EMAIL_VERIFIED);
    }

    @Test
    void aSecondLinkCompletionIsHarmless() {
        User once = fresh.completeLinkVerification().after();
        User.Transition again = once.completeLinkVerification();
        assertThat(again.after()).isEqualTo(once);
        assertThat(again.before()).isEqualTo(again.after());
    }

    @Test
    void linkCompletionVerifiesTheAddressOfAnAccountAnAdminConfirmed() {
        User done = fresh.confirm(ConfirmationMethod.ADMIN).after().completeLinkVerification().after();
        assertThat(done.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(done.emailVerified()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ConfirmationMethod.class)
    void aTransitionSaysWhatHappenedAndFromWhere(ConfirmationMethod method) {
        User.Transition confirmation = fresh.confirm(method);
        assertThat(confirmation.before()).isEqualTo(fresh);
        assertThat(confirmation.happened()).isEqualTo(AuditEventType.SIGN_UP_CONFIRMED);
        assertThat(fresh.verifyEmail().happened()).isEqualTo(AuditEventType.EMAIL_VERIFIED);
        assertThat(fresh.disable().happened()).isEqualTo(AuditEventType.USER_DISABLED);
        assertThat(fresh.enable().happened()).isEqualTo(AuditEventType.USER_ENABLED);
    }

    @Test
    void anOperatorVerifiesTheAddressWhateverTheStatus() {
        User verified = fresh.verifyEmail().after();
        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.status()).isEqualTo(UserStatus.UNCONFIRMED);
    }

    @Test
    void disablingADisabledAccountChangesNothing() {
        User disabled = fresh.disable().after();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disable().after()).isEqualTo(disabled);
        assertThat(fresh.enable().after()).isEqualTo(fresh);
        assertThat(disabled.enable().after()).isEqualTo(fresh);
    }

    @Test
    void aTransitionOnlyMovesForwardAndKeepsTheAccount() {
        User confirmed = fresh.confirm(ConfirmationMethod.CODE).after();
        User other = User.signedUp(new UserId("u-2"), fresh.email(), T0);
        assertThatThrownBy(() -> new User.Transition(confirmed, fresh, AuditEventType.SIGN_UP_CONFIRMED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new User.Transition(fresh, other, AuditEventType.USER_ENABLED))
                .isInstanceOf(IllegalArgumentException.class);
        User verifiedUnconfirmed = fresh.verifyEmail().after();
        assertThatThrownBy(() -> new User.Transition(verifiedUnconfirmed, fresh, AuditEventType.EMAIL_VERIFIED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
