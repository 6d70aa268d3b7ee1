package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Authenticator} does: sign in with Cognito's errors, refresh, sign out everywhere,
 * and the two ways to a new password. Accounts are made through the same adapter family's
 * {@link UserDirectory}; tokens are checked with its {@link TokenVerifier}.
 */
public abstract class AuthenticatorContract {

    protected abstract Authenticator authenticator();

    protected abstract UserDirectory directory();

    protected abstract TokenVerifier tokenVerifier();

    /** The last code (confirmation or reset) emailed to {@code email}. */
    protected abstract String lastCodeSentTo(EmailAddress email);

    protected EmailAddress newAddress() {
        return new EmailAddress("auth-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    protected Password password() {
        return Password.of("Correct-Horse-9");
    }

    protected Password newPassword() {
        return Password.of("Battery-Staple-7");
    }

    /** A confirmed account with a verified address and {@link #password()}. */
    protected EmailAddress confirmedAccount() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), true);
        confirmByCode(directory(), email, ConfirmationCode.parse(lastCodeSentTo(email)));
        return email;
    }

    private static ConfirmationCode otherThan(String code) {
        char first = code.charAt(0) == '9' ? '0' : (char) (code.charAt(0) + 1);
        return ConfirmationCode.parse(first + code.substring(1));
    }

    @Test
    void signInGivesTokensTheVerifierAccepts() {
        EmailAddress email = confirmedAccount();

        Tokens tokens = authenticator().signIn(email, password()).tokens();

        VerifiedToken id = tokenVerifier().verify(tokens.idToken());
        VerifiedToken access = tokenVerifier().verify(tokens.accessToken());
        assertThat(id.use()).isEqualTo(VerifiedToken.TokenUse.ID);
        assertThat(id.email()).contains(email);
        assertThat(access.use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
        assertThat(access.userId()).isEqualTo(id.userId()).isEqualTo(directory().find(email).orElseThrow().id());
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(tokens.expiresIn()).isPositive();
    }

    @Test
    void signInNamesTheAccountItsTokensAreFor() {
        EmailAddress email = confirmedAccount();

        SignedIn signedIn = authenticator().signIn(email, password());

        UserId id = directory().find(email).orElseThrow().id();
        assertThat(signedIn.principal()).isEqualTo(new Principal(id, email));
        assertThat(tokenVerifier().verify(signedIn.tokens().idToken()).userId()).isEqualTo(id);
    }

    @Test
    void aRefusedPasswordNamesTheAccountItConcerned() {
        EmailAddress email = confirmedAccount();
        UserId id = directory().find(email).orElseThrow().id();

        var e = assertRefused(() -> authenticator().signIn(email, newPassword()), ErrorCode.NOT_AUTHORIZED);

        assertThat(e.concerning()).contains(new Principal(id, email));
    }

    @Test
    void aRefreshNamesTheSessionsAccount() {
        EmailAddress email = confirmedAccount();
        SignedIn first = authenticator().signIn(email, password());

        SignedIn refreshed = authenticator().refresh(first.tokens().refreshToken().orElseThrow());

        assertThat(refreshed.principal()).isEqualTo(first.principal());
    }

    @Test
    void aWrongPasswordIsNotAuthorized() {
        EmailAddress email = confirmedAccount();

        var e = assertRefused(() -> authenticator().signIn(email, newPassword()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
    }

    @Test
    void anUnknownAddressIsUserNotFound() {
        assertRefused(() -> authenticator().signIn(newAddress(), password()).tokens(), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void anUnconfirmedAccountCannotSignIn() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), false);

        assertRefused(() -> authenticator().signIn(email, password()).tokens(), ErrorCode.USER_NOT_CONFIRMED);
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        EmailAddress email = confirmedAccount();
        disable(directory(), email);

        assertRefused(() -> authenticator().signIn(email, password()).tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void refreshGivesNewTokensButNoNewRefreshToken() {
        Tokens first = authenticator().signIn(confirmedAccount(), password()).tokens();

        Tokens refreshed = authenticator().refresh(first.refreshToken().orElseThrow()).tokens();

        assertThat(refreshed.refreshToken()).isEmpty();
        assertThat(tokenVerifier().verify(refreshed.idToken()).userId())
                .isEqualTo(tokenVerifier().verify(first.idToken()).userId());
        assertThat(tokenVerifier().verify(refreshed.accessToken()).use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
    }

    @Test
    void anUnknownRefreshTokenIsNotAuthorized() {
        assertRefused(() -> authenticator().refresh("not-a-refresh-token").tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void globalSignOutEndsRefreshAndIssuedTokens() {
        Tokens tokens = authenticator().signIn(confirmedAccount(), password()).tokens();

        authenticator().globalSignOut(tokens.accessToken());

        assertRefused(() -> authenticator().refresh(tokens.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> tokenVerifier().verify(tokens.accessToken()), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> tokenVerifier().verify(tokens.idToken()), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aNewSignInAfterSignOutWorks() {
        EmailAddress email = confirmedAccount();
        authenticator().globalSignOut(authenticator().signIn(email, password()).tokens().accessToken());

        Tokens again = authenticator().signIn(email, password()).tokens();

        assertThat(tokenVerifier().verify(again.accessToken()).use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
        assertThat(authenticator().refresh(again.refreshToken().orElseThrow()).tokens().idToken()).isNotBlank();
    }

    @Test
    void revokingARefreshTokenEndsThatSessionOnly() {
        EmailAddress email = confirmedAccount();
        SignedIn revoked = authenticator().signIn(email, password());
        SignedIn other = authenticator().signIn(email, password());

        UserId owner = authenticator().revokeRefreshToken(revoked.tokens().refreshToken().orElseThrow());

        assertThat(owner).isEqualTo(directory().find(email).orElseThrow().id());
        assertRefused(() -> authenticator().refresh(revoked.tokens().refreshToken().orElseThrow()), ErrorCode.NOT_AUTHORIZED);
        assertThat(authenticator().refresh(other.tokens().refreshToken().orElseThrow()).principal().id()).isEqualTo(owner);
    }

    @Test
    void revokingAnUnknownRefreshTokenIsNotAuthorized() {
        assertRefused(() -> authenticator().revokeRefreshToken("not-a-refresh-token"), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anOperatorsSignOutEndsEverySessionOfTheAccount() {
        EmailAddress email = confirmedAccount();
        Tokens first = authenticator().signIn(email, password()).tokens();
        Tokens second = authenticator().signIn(email, password()).tokens();

        authenticator().adminGlobalSignOut(email);

        assertRefused(() -> authenticator().refresh(first.refreshToken().orElseThrow()), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> authenticator().refresh(second.refreshToken().orElseThrow()), ErrorCode.NOT_AUTHORIZED);
        assertThat(authenticator().signIn(email, password()).tokens().refreshToken()).as("a new sign-in works").isPresent();
    }

    @Test
    void anOperatorsSignOutOfAnUnknownAddressIsUserNotFound() {
        assertRefused(() -> authenticator().adminGlobalSignOut(newAddress()), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void globalSignOutNeedsAValidAccessToken() {
        assertRefused(() -> authenticator().globalSignOut("not-a-token"), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void changingThePasswordNeedsTheOldOne() {
        EmailAddress email = confirmedAccount();
        Tokens tokens = authenticator().signIn(email, password()).tokens();

        assertRefused(() -> authenticator().changePassword(tokens.accessToken(), newPassword(), newPassword()),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(authenticator().signIn(email, password()).tokens().idToken()).isNotBlank();
    }

    @Test
    void aChangedPasswordReplacesTheOldOne() {
        EmailAddress email = confirmedAccount();
        Tokens tokens = authenticator().signIn(email, password()).tokens();

        authenticator().changePassword(tokens.accessToken(), password(), newPassword());

        assertRefused(() -> authenticator().signIn(email, password()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(authenticator().signIn(email, newPassword()).tokens().idToken()).isNotBlank();
    }

    @Test
    void changingThePasswordEndsOtherSessions() {
        EmailAddress email = confirmedAccount();
        Tokens elsewhere = authenticator().signIn(email, password()).tokens();
        Tokens here = authenticator().signIn(email, password()).tokens();

        authenticator().changePassword(here.accessToken(), password(), newPassword());

        assertRefused(() -> authenticator().refresh(elsewhere.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> tokenVerifier().verify(elsewhere.accessToken()), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void theResetCodeSetsANewPasswordAndEndsSessions() {
        EmailAddress email = confirmedAccount();
        Tokens before = authenticator().signIn(email, password()).tokens();

        assertThat(authenticator().forgotPassword(email)).isEqualTo(CodeDelivery.email(email));
        authenticator().confirmForgotPassword(email, ConfirmationCode.parse(lastCodeSentTo(email)), newPassword());

        assertRefused(() -> authenticator().signIn(email, password()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(authenticator().signIn(email, newPassword()).tokens().idToken()).isNotBlank();
        assertRefused(() -> authenticator().refresh(before.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aWrongResetCodeIsCodeMismatchAndKeepsThePassword() {
        EmailAddress email = confirmedAccount();
        authenticator().forgotPassword(email);

        assertRefused(() -> authenticator().confirmForgotPassword(email, otherThan(lastCodeSentTo(email)), newPassword()),
                ErrorCode.CODE_MISMATCH);
        assertThat(authenticator().signIn(email, password()).tokens().idToken()).isNotBlank();
    }

    @Test
    void aResetCodeWorksOnce() {
        EmailAddress email = confirmedAccount();
        authenticator().forgotPassword(email);
        ConfirmationCode code = ConfirmationCode.parse(lastCodeSentTo(email));
        authenticator().confirmForgotPassword(email, code, newPassword());

        Throwable second = org.assertj.core.api.Assertions.catchThrowable(
                () -> authenticator().confirmForgotPassword(email, code, password()));

        assertThat(second).isInstanceOf(UserPoolException.class);
        assertThat(((UserPoolException) second).code()).isIn(ErrorCode.CODE_MISMATCH, ErrorCode.EXPIRED_CODE);
        assertThat(authenticator().signIn(email, newPassword()).tokens().idToken()).isNotBlank();
    }

    @Test
    void passwordOperationsOnAnUnknownAddressAreUserNotFound() {
        EmailAddress nobody = newAddress();

        assertRefused(() -> authenticator().forgotPassword(nobody), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> authenticator().confirmForgotPassword(nobody, ConfirmationCode.parse("123456"), newPassword()),
                ErrorCode.USER_NOT_FOUND);
    }
}
