package dev.userpool.core.testing;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static dev.userpool.core.testing.DirectoryTransitions.enable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import java.time.Duration;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InMemoryAuthenticatorTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.com");
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    private static final Password OTHER = Password.of("Other-Horse-8");

    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final FakeTokenVerifier tokens = new FakeTokenVerifier(clock);
    private final InMemoryAuthenticator authenticator =
            new InMemoryAuthenticator(directory, tokens, u -> u.email().equals(ALICE) ? Set.of("admins") : Set.of());

    private static void assertFails(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private void aliceIsConfirmed() {
        directory.signUp(ALICE, PASSWORD, false);
        confirmByAdmin(directory, ALICE);
    }

    @Test
    void signInIssuesTokensItsVerifierUnderstands() {
        aliceIsConfirmed();
        Tokens t = authenticator.signIn(ALICE, PASSWORD).tokens();

        assertThat(tokens.verify(t.idToken()).use()).isEqualTo(TokenUse.ID);
        assertThat(tokens.verify(t.idToken()).email()).contains(ALICE);
        assertThat(tokens.verify(t.accessToken()).use()).isEqualTo(TokenUse.ACCESS);
        assertThat(tokens.verify(t.accessToken()).groups()).containsExactly("admins");
        assertThat(t.refreshToken()).isPresent();
        assertThat(t.expiresIn()).isEqualTo(FakeTokenVerifier.LIFETIME);
    }

    @Test
    void refusesLikeCognito() {
        assertFails(ErrorCode.USER_NOT_FOUND, () -> authenticator.signIn(ALICE, PASSWORD).tokens());
        directory.signUp(ALICE, PASSWORD, false);
        assertFails(ErrorCode.USER_NOT_CONFIRMED, () -> authenticator.signIn(ALICE, PASSWORD).tokens());
        assertThatThrownBy(() -> authenticator.signIn(ALICE, OTHER).tokens())
                .hasMessage(InMemoryAuthenticator.INCORRECT_CREDENTIALS);
        confirmByAdmin(directory, ALICE);
        disable(directory, ALICE);
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.signIn(ALICE, PASSWORD).tokens());
    }

    @Test
    void refreshTokensLast30DaysAndStopWhenTheAccountIsDisabled() {
        aliceIsConfirmed();
        String refresh = authenticator.signIn(ALICE, PASSWORD).tokens().refreshToken().orElseThrow();
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(authenticator.refresh(refresh).tokens().refreshToken()).isEmpty();
        disable(directory, ALICE);
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.refresh(refresh).tokens());
        enable(directory, ALICE);
        clock.advance(Duration.ofSeconds(1));
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.refresh(refresh).tokens());
    }

    @Test
    void aPasswordChangeEndsTheSessions() {
        aliceIsConfirmed();
        Tokens t = authenticator.signIn(ALICE, PASSWORD).tokens();
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.changePassword(t.idToken(), PASSWORD, OTHER));
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.changePassword(t.accessToken(), OTHER, OTHER));

        authenticator.changePassword(t.accessToken(), PASSWORD, OTHER);

        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.refresh(t.refreshToken().orElseThrow()).tokens());
        authenticator.signIn(ALICE, OTHER).tokens();
    }

    @Test
    void aResetCodeSetsTheNewPasswordOnce() {
        aliceIsConfirmed();
        authenticator.forgotPassword(ALICE);
        ConfirmationCode code = ConfirmationCode.parse(authenticator.lastResetCodeSentTo(ALICE).orElseThrow());
        assertThat(directory.lastCodeSentTo(ALICE)).as("reset codes are not confirmation codes").isEmpty();

        authenticator.confirmForgotPassword(ALICE, code, OTHER);

        authenticator.signIn(ALICE, OTHER).tokens();
        assertFails(ErrorCode.CODE_MISMATCH, () -> authenticator.confirmForgotPassword(ALICE, code, PASSWORD));
    }

    @Test
    void globalSignOutRevokesEveryTokenOfTheUser() {
        aliceIsConfirmed();
        Tokens first = authenticator.signIn(ALICE, PASSWORD).tokens();
        Tokens second = authenticator.signIn(ALICE, PASSWORD).tokens();

        authenticator.globalSignOut(second.accessToken());

        assertFails(ErrorCode.NOT_AUTHORIZED, () -> tokens.verify(first.idToken()));
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.refresh(first.refreshToken().orElseThrow()).tokens());
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> authenticator.globalSignOut(second.accessToken()));
        assertThat(authenticator.calls()).containsExactly("signIn", "signIn", "globalSignOut", "refresh", "globalSignOut");
    }
}
