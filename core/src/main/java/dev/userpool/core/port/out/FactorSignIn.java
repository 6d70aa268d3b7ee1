package dev.userpool.core.port.out;

import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.UserId;

/**
 * Sessions for accounts that proved a factor other than their password (an emailed code): the
 * authenticator's session and lockout, without a password. A wrong answer counts toward the same lockout
 * as a wrong password, and a locked account is refused as it would be with its password.
 */
public interface FactorSignIn {

    /** Whether the account is locked now (too many wrong passwords or codes). */
    boolean locked(UserId account);

    /** Counts one wrong answer toward the account's lockout. */
    void countFailure(UserId account);

    /**
     * Opens a session for the account, which proved its factor: the lockout count starts over. Refused as a
     * password sign-in is ({@code NotAuthorized} "User is disabled.", {@code UserNotConfirmed}, …) when the
     * account may not sign in; {@code UserNotFound} when it no longer exists.
     */
    SignedIn signIn(UserId account);

    /** As {@link Authenticator#forClient}: sessions for the app client {@code clientId} (issue 15). */
    default FactorSignIn forClient(String clientId) {
        return this;
    }
}
