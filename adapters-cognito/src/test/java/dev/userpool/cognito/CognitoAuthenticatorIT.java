package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.AuthenticatorContract;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authenticator contract on {@link CognitoAuthenticator}, with the Cognito directory and token
 * verifier: on cognito-local ({@code USER_PASSWORD_AUTH}, since it has no SRP), or a real pool with
 * {@code -Plive-aws} (the configured flow, SRP by default). Where cognito-local is not AWS the contract
 * test is skipped with the reason, and a test below checks what it can of the same behaviour.
 */
class CognitoAuthenticatorIT extends AuthenticatorContract {
    private static final String OFFLINE_VERIFICATION = "tokens are verified offline against the pool's JWKS, and AWS says "
            + "'revoked tokens will still be valid if they are verified using any JWT library that verifies the signature "
            + "and expiration of the token' (Revoking refresh tokens, Amazon Cognito Developer Guide); they expire within "
            + "the hour, refresh tokens stop at once (see %s)";

    @RegisterExtension
    static final KnownDifferences DIFFERENCES = new KnownDifferences()
            .aws("globalSignOutEndsRefreshAndIssuedTokens", OFFLINE_VERIFICATION.formatted("globalSignOutEndsRefresh"))
            .aws("changingThePasswordEndsOtherSessions", OFFLINE_VERIFICATION.formatted("changingThePasswordEndsOtherRefreshTokens"))
            .emulator("aWrongPasswordIsNotAuthorized",
                    "answers InvalidPasswordException; AWS answers NotAuthorizedException 'Incorrect username or password.'")
            .emulator("aRefusedPasswordNamesTheAccountItConcerned",
                    "answers InvalidPasswordException; AWS answers NotAuthorizedException (theEmulatorsAnswersToWrongPasswords checks the account is named)")
            .emulator("anUnknownAddressIsUserNotFound",
                    "answers NotAuthorizedException; AWS (PreventUserExistenceErrors LEGACY) answers UserNotFoundException")
            .emulator("aDisabledAccountCannotSignIn",
                    "lets a disabled user sign in with USER_PASSWORD_AUTH; AWS answers NotAuthorizedException 'User is disabled.'")
            .emulator("aNewSignInAfterSignOutWorks", "does not implement GlobalSignOut")
            .emulator("globalSignOutNeedsAValidAccessToken", "does not implement GlobalSignOut")
            .emulator("revokingARefreshTokenEndsThatSessionOnly", "does not implement RevokeToken")
            .emulator("revokingAnUnknownRefreshTokenIsNotAuthorized", "does not implement RevokeToken")
            .emulator("anOperatorsSignOutEndsEverySessionOfTheAccount", "does not implement AdminUserGlobalSignOut")
            .emulator("anOperatorsSignOutOfAnUnknownAddressIsUserNotFound", "does not implement AdminUserGlobalSignOut")
            .emulator("changingThePasswordNeedsTheOldOne",
                    "answers a wrong previous password with InvalidPasswordException; AWS: NotAuthorizedException; "
                            + "see theEmulatorsAnswersToWrongPasswords")
            .emulator("aChangedPasswordReplacesTheOldOne",
                    "does not implement GlobalSignOut, which follows ChangePassword; see aChangedPasswordWorksEvenWhenSessionsCannotBeEnded")
            .emulator("theResetCodeSetsANewPasswordAndEndsSessions",
                    "does not implement AdminUserGlobalSignOut, which follows ConfirmForgotPassword; see theResetCodeSetsANewPassword")
            .emulator("aResetCodeWorksOnce", "does not implement AdminUserGlobalSignOut; see theResetCodeSetsANewPassword")
            .emulatorOnly("theEmulatorsAnswersToWrongPasswords", "checks what cognito-local does in place of the contract tests")
            .emulatorOnly("aChangedPasswordWorksEvenWhenSessionsCannotBeEnded", "cognito-local lacks GlobalSignOut")
            .emulatorOnly("theResetCodeSetsANewPassword", "cognito-local lacks AdminUserGlobalSignOut")
            .liveOnly("globalSignOutEndsRefresh", "cognito-local does not implement GlobalSignOut")
            .liveOnly("changingThePasswordEndsOtherRefreshTokens", "cognito-local does not implement GlobalSignOut");

    @TempDir
    static Path dataDir;
    static CognitoTestbed bed;

    @BeforeAll
    static void open() {
        bed = CognitoTestbed.open(dataDir);
    }

    @AfterAll
    static void close() {
        if (bed != null) bed.close();
    }

    @Override
    protected Authenticator authenticator() {
        return bed.authenticator;
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.lastCodeSentTo(email);
    }

    @Override
    protected EmailAddress newAddress() {
        return bed.newAddress("auth-");
    }

    /** The emailed code on the emulator; on a real pool, whose mail cannot be read here, the admin calls. */
    @Override
    protected EmailAddress confirmedAccount() {
        return CognitoTestbed.onEmulator() ? super.confirmedAccount() : bed.confirmedWithoutCode(newAddress(), password());
    }

    @Test
    void theEmulatorsAnswersToWrongPasswords() {
        EmailAddress email = confirmedAccount();
        Tokens tokens = authenticator().signIn(email, password()).tokens();

        var refused = assertRefused(() -> authenticator().signIn(email, newPassword()).tokens(), ErrorCode.INVALID_PASSWORD);
        assertThat(refused.concerning().map(p -> p.email())).as("the refusal names its account").contains(email);
        assertRefused(() -> authenticator().signIn(newAddress(), password()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> authenticator().changePassword(tokens.accessToken(), newPassword(), newPassword()),
                ErrorCode.INVALID_PASSWORD);
        assertThat(authenticator().signIn(email, password()).tokens().idToken()).as("the password did not change").isNotBlank();
    }

    @Test
    void aChangedPasswordWorksEvenWhenSessionsCannotBeEnded() {
        EmailAddress email = confirmedAccount();
        Tokens tokens = authenticator().signIn(email, password()).tokens();

        var e = assertRefused(() -> authenticator().changePassword(tokens.accessToken(), password(), newPassword()),
                ErrorCode.SERVICE_UNAVAILABLE);

        assertThat(e.getMessage()).startsWith("The password was changed, but other sessions could not be ended");
        assertRefused(() -> authenticator().signIn(email, password()).tokens(), ErrorCode.INVALID_PASSWORD);
        assertThat(authenticator().signIn(email, newPassword()).tokens().idToken()).isNotBlank();
    }

    @Test
    void theResetCodeSetsANewPassword() {
        EmailAddress email = confirmedAccount();

        assertThat(authenticator().forgotPassword(email)).isEqualTo(CodeDelivery.email(email));
        ConfirmationCode code = ConfirmationCode.parse(lastCodeSentTo(email));
        var e = assertRefused(() -> authenticator().confirmForgotPassword(email, code, newPassword()), ErrorCode.SERVICE_UNAVAILABLE);

        assertThat(e.getMessage()).startsWith("The password was changed, but other sessions could not be ended");
        assertRefused(() -> authenticator().signIn(email, password()).tokens(), ErrorCode.INVALID_PASSWORD);
        assertThat(authenticator().signIn(email, newPassword()).tokens().idToken()).isNotBlank();
        Throwable again = Assertions.catchThrowable(() -> authenticator().confirmForgotPassword(email, code, password()));
        assertThat(again).isInstanceOf(UserPoolException.class);
        assertThat(((UserPoolException) again).code()).as("the code works once").isIn(ErrorCode.CODE_MISMATCH, ErrorCode.EXPIRED_CODE);
    }

    @Test
    void globalSignOutEndsRefresh() {
        Tokens tokens = authenticator().signIn(confirmedAccount(), password()).tokens();

        authenticator().globalSignOut(tokens.accessToken());

        assertRefused(() -> authenticator().refresh(tokens.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void changingThePasswordEndsOtherRefreshTokens() {
        EmailAddress email = confirmedAccount();
        Tokens elsewhere = authenticator().signIn(email, password()).tokens();
        Tokens here = authenticator().signIn(email, password()).tokens();

        authenticator().changePassword(here.accessToken(), password(), newPassword());

        assertRefused(() -> authenticator().refresh(elsewhere.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
    }
}
