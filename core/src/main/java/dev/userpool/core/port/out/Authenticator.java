package dev.userpool.core.port.out;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;

/**
 * Proves who someone is and manages their sessions. A wrong password is {@code NotAuthorized}; an
 * unknown user is {@code UserNotFound} (the core decides whether callers may see that).
 */
public interface Authenticator {

    /** Tokens for a correct password of an enabled, confirmed account. */
    Tokens signIn(EmailAddress email, Password password);

    /** New ID and access tokens for a valid refresh token (no new refresh token). */
    Tokens refresh(String refreshToken);

    /** Ends every session of the token's user: refresh tokens stop working, issued tokens stop verifying. */
    void globalSignOut(String accessToken);

    /** Sends a password-reset code. */
    CodeDelivery forgotPassword(EmailAddress email);

    /** Sets a new password with the reset code; other sessions end. */
    void confirmForgotPassword(EmailAddress email, ConfirmationCode code, Password newPassword);

    /** Sets a new password for the token's user, who proves the old one; other sessions end. */
    void changePassword(String accessToken, Password oldPassword, Password newPassword);
}
