package dev.userpool.core.port.in;

import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.RequestContext;
import java.util.Objects;
import java.util.Optional;

/**
 * The managed login pages' sign-in: a password sign-in through {@link Authentication} (its lockout,
 * user-enumeration protection and {@code SIGN_IN} event) that leaves the browser a session instead of
 * tokens, so that the authorization server can issue codes for it.
 */
public interface ManagedLogin {

    /** How long a browser stays signed in on the managed login pages. */
    java.time.Duration SESSION_LIFETIME = java.time.Duration.ofHours(1);

    /** Signs in with a password; refusals are {@link Authentication#signInStep}'s. */
    Outcome signIn(Authentication.SignInCommand command);

    /** Answers {@code NEW_PASSWORD_REQUIRED} as {@link Authentication#completeNewPassword} does, and opens the session. */
    Outcome completeNewPassword(Authentication.NewPasswordCommand command);

    /**
     * Answers the authenticator-app challenge ({@code SOFTWARE_TOKEN_MFA}) of a sign-in on the pages as
     * {@link MultiFactor#answerChallenge} does (the code once, its lockout, its events), and opens the session.
     */
    Outcome answerMfa(MultiFactor.ChallengeCommand command);

    /** The browser session of a cookie value, while it lasts. */
    Optional<BrowserSession> session(String cookie);

    /** Ends the browser session of a cookie value (event {@code LOGOUT}). */
    void signOut(String cookie, RequestContext context);

    /**
     * Where a sign-in on the pages ended: a session (its cookie value, a secret that never prints), or a
     * challenge the pages must pose first: a new password, or the authenticator app's code.
     */
    sealed interface Outcome {
        record SessionOpened(String cookie, BrowserSession session) implements Outcome {
            public SessionOpened {
                Objects.requireNonNull(cookie, "cookie");
                Objects.requireNonNull(session, "session");
            }

            @Override
            public String toString() {
                return "SessionOpened[cookie=***, session=" + session + "]";
            }
        }

        record NewPasswordChallenge(NewPasswordRequired challenge) implements Outcome {}

        /** The password was right; the account's authenticator app must confirm (or be set up first: {@code MFA_SETUP}). */
        record MfaChallenge(dev.userpool.core.domain.MfaRequired challenge) implements Outcome {
            public MfaChallenge {
                Objects.requireNonNull(challenge, "challenge");
            }
        }
    }
}
