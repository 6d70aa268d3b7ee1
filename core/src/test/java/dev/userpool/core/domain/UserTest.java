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
        User confirmed = fresh.confirm(ConfirmationMethod.CODE);
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isTrue();
    }

    @Test
    void confirmingByLinkVerifiesTheAddress() {
        User confirmed = fresh.confirm(ConfirmationMethod.LINK);
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isTrue();
    }

    @Test
    void anAdminsConfirmationLeavesTheAddressUnverified() {
        User confirmed = fresh.confirm(ConfirmationMethod.ADMIN);
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(confirmed.emailVerified()).isFalse();
    }

    @Test
    void confirmationKeepsIdentityAndHistory() {
        User confirmed = fresh.confirm(ConfirmationMethod.CODE);
        assertThat(confirmed.id()).isEqualTo(fresh.id());
        assertThat(confirmed.email()).isEqualTo(fresh.email());
        assertThat(confirmed.createdAt()).isEqualTo(T0);
        assertThat(confirmed.enabled()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ConfirmationMethod.class)
    void onlyAnUnconfirmedAccountCanBeConfirmed(ConfirmationMethod method) {
        User confirmed = fresh.confirm(ConfirmationMethod.ADMIN);
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
        User disabled = fresh.confirm(ConfirmationMethod.CODE).withEnabled(false);
        assertThat(disabled.canSignIn()).isFalse();
        assertThatThrownBy(disabled::ensureCanSignIn)
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void beingDisabledWeighsMoreThanBeingUnconfirmed() {
        assertThatThrownBy(fresh.withEnabled(false)::ensureCanSignIn)
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void aConfirmedEnabledAccountCanSignIn() {
        User confirmed = fresh.confirm(ConfirmationMethod.ADMIN);
        assertThat(confirmed.canSignIn()).isTrue();
        confirmed.ensureCanSignIn();
        assertThat(confirmed.withEnabled(false).withEnabled(true).canSignIn()).isTrue();
    }

    @Test
    void linkCompletionConfirmsAndVerifies() {
        User done = fresh.completeLinkVerification();
        assertThat(done.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(done.emailVerified()).isTrue();
    }

    @Test
    void aSecondLinkCompletionIsHarmless() {
        User once = fresh.completeLinkVerification();
        assertThat(once.completeLinkVerification()).isEqualTo(once);
    }

    @Test
    void linkCompletionVerifiesTheAddressOfAnAccountAnAdminConfirmed() {
        User done = fresh.confirm(ConfirmationMethod.ADMIN).completeLinkVerification();
        assertThat(done.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(done.emailVerified()).isTrue();
    }
}
