package dev.userpool.core.port.out;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;

/**
 * Proves who someone is and manages their sessions. A wrong password is {@code NotAuthorized}; an
 * unknown user is {@code UserNotFound} (the core decides whether callers may see that).
 *
 * <p>Sign-ins answer what the authenticator knows: the account with the tokens ({@link SignedIn}),
 * and a refusal names the account it concerned where known ({@link UserPoolException#concerning()})
 * and whether a password was tested ({@link UserPoolException#passwordChecked()}), so the core
 * neither verifies fresh tokens nor looks the account up again. Sign-ins by challenge (SRP) go through
 * {@link SignInChallenges}.
 */
public interface Authenticator {

    /**
     * This authenticator signing in for the app client {@code clientId} (issue 15): the sessions it opens
     * and the tokens it issues are that client's (its {@code aud} / {@code client_id}, its token
     * validities), and a refresh token of another client's session is refused. The caller checked that
     * the client exists. An authenticator with one client (Cognito's adapter, configured with one) keeps
     * this default.
     */
    default Authenticator forClient(String clientId) {
        return this;
    }

    /** The account and its tokens, for a correct password of an enabled, confirmed account. */
    SignedIn signIn(EmailAddress email, Password password);

    /**
     * A password sign-in that may end in a challenge: as {@link #signIn}, except that the right temporary
     * password of a {@code FORCE_CHANGE_PASSWORD} account answers {@link NewPasswordRequired} (a session for
     * {@link #completeNewPassword}) rather than tokens, and an expired one is {@code NotAuthorized}
     * ({@link User#TEMPORARY_PASSWORD_EXPIRED}). An authenticator whose accounts never hold a temporary
     * password may keep this default.
     */
    default SignInStep signInStep(EmailAddress email, Password password) {
        return signIn(email, password);
    }

    /**
     * Answers {@code NEW_PASSWORD_REQUIRED}: when {@code session} is an unused, unexpired challenge posed to
     * {@code chosen}'s account, stores the new password and the account as {@code chosen} leaves it
     * ({@code CONFIRMED}, {@link User#chooseNewPassword}) and opens a session. The challenge is used up
     * whatever the outcome; an unknown, used, expired or foreign session is {@code NotAuthorized}
     * ("Invalid session for the user."). The core checked the new password against the policy.
     */
    default SignedIn completeNewPassword(User.Transition chosen, String session, Password newPassword) {
        throw UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
    }

    /**
     * Opens a session for an account that proved itself with a passkey (the core checked the assertion):
     * as a password sign-in, for an enabled, confirmed account; {@code NotAuthorized} otherwise. Issue 14:
     * a directory whose pool serves passkeys itself (Cognito) keeps this refusal.
     */
    default SignedIn signInWithPasskey(UserId user) {
        throw UserPoolException.notAuthorized("Passkey sign-in is not supported by this directory: Cognito serves passkeys itself.");
    }

    /**
     * Issue 14, TOTP. Answers {@link dev.userpool.core.domain.MfaRequired}: the challenge's session is used up
     * whatever the outcome; for {@code SOFTWARE_TOKEN_MFA} the code must be the account's app's, in the
     * current time step or one either side, and of a step not accepted before; for {@code MFA_SETUP} the
     * account's app must have been verified meanwhile. A wrong code is {@code CodeMismatch} ("Invalid code
     * received for user") and counts toward the lockout like a wrong password; an unknown, used, foreign or
     * expired session is {@code NotAuthorized} ("Invalid session for the user, session is expired." when
     * expired). A directory without second factors keeps this default, which refuses.
     */
    default SignedIn answerMfa(dev.userpool.core.domain.MfaAnswer answer) {
        throw UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
    }

    /**
     * Issue 14, TOTP: the account of a pending, unexpired {@code MFA_SETUP} challenge, by its session (not
     * used up: AssociateSoftwareToken and VerifySoftwareToken present it before the challenge is answered).
     */
    default java.util.Optional<UserId> mfaSetupAccount(String session) {
        return java.util.Optional.empty();
    }

    /** The session's account and new ID and access tokens, for a valid refresh token (no new refresh token). */
    SignedIn refresh(String refreshToken);

    /**
     * Ends the one session of this refresh token (Cognito's RevokeToken): it stops working, and so do
     * the ID and access tokens it issued; the user's other sessions go on. Returns the session's
     * account; an unknown or expired refresh token is {@code NotAuthorized}.
     */
    UserId revokeRefreshToken(String refreshToken);

    /** Ends every session of the token's user: refresh tokens stop working, issued tokens stop verifying. */
    void globalSignOut(String accessToken);

    /**
     * Ends every session of the account, on an operator's word (Cognito's AdminUserGlobalSignOut):
     * {@code UserNotFound} for an unknown address.
     */
    void adminGlobalSignOut(EmailAddress email);

    /** Sends a password-reset code. */
    CodeDelivery forgotPassword(EmailAddress email);

    /** Sets a new password with the reset code; other sessions end. */
    void confirmForgotPassword(EmailAddress email, ConfirmationCode code, Password newPassword);

    /** Sets a new password for the token's user, who proves the old one; other sessions end. */
    void changePassword(String accessToken, Password oldPassword, Password newPassword);
}
