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

    /**
     * Issue 14, {@code MFA_SETUP} on the pages: a new secret for the authenticator app the account of the
     * challenge's {@code session} sets up, as {@link MultiFactor#associate} hands it out (its event, its
     * refusals: an unknown, expired or used session is {@code NotAuthorized}).
     */
    MultiFactor.Association beginMfaSetup(String session, RequestContext context);

    /**
     * Issue 14, {@code MFA_SETUP} answered: the app's code proves it ({@link MultiFactor#verify}, as
     * VerifySoftwareToken; a wrong code is {@code EnableSoftwareTokenMFA} and leaves the set-up pending, the
     * session unspent), then the challenge is answered ({@link MultiFactor#answerChallenge}) and the session opens.
     */
    Outcome completeMfaSetup(MfaSetupAnswer command);

    /**
     * Issue 14: the passwordless first factors the pages offer to sign in to {@code client} —
     * {@code EMAIL_OTP} and {@code WEB_AUTHN} where the pool's sign-in policy allows them, the client allows
     * choice-based sign-in ({@code ALLOW_USER_AUTH}), and (for passkeys) the pool serves them. Cognito's
     * managed login offers them on the same terms.
     */
    java.util.Set<dev.userpool.core.domain.AuthFactor> passwordlessFactors(dev.userpool.core.domain.AppClient client);

    /**
     * Issue 14: emails a sign-in code, as {@link ChoiceBasedSignIn#start} with {@code EMAIL_OTP} does (its hourly
     * limit, verified addresses only, the same answer for every name); {@code InvalidParameter} when
     * {@link #passwordlessFactors} lacks {@code EMAIL_OTP} for the client.
     */
    ChoiceBasedSignIn.EmailOtpChallenge sendEmailCode(dev.userpool.core.domain.AppClient client, String username,
                                                      RequestContext context);

    /** Issue 14: the emailed code, as {@link ChoiceBasedSignIn#answerEmailCode} checks it (three wrong answers per code), and the session opens. */
    Outcome answerEmailCode(dev.userpool.core.domain.AppClient client, ChoiceBasedSignIn.CodeAnswer command);

    /**
     * Issue 14: the WebAuthn assertion options of a passkey sign-in, as {@link ChoiceBasedSignIn#start} with
     * {@code WEB_AUTHN} poses them (unknown names get options alike); {@code InvalidParameter} when
     * {@link #passwordlessFactors} lacks {@code WEB_AUTHN} for the client.
     */
    PasskeyAuthentication.PasskeyChallenge startPasskey(dev.userpool.core.domain.AppClient client, String username,
                                                        RequestContext context);

    /** Issue 14: the browser's assertion, checked as {@link ChoiceBasedSignIn#answerPasskey} does, and the session opens. */
    Outcome answerPasskey(dev.userpool.core.domain.AppClient client, ChoiceBasedSignIn.PasskeyAnswer command);

    /** The answer to {@code MFA_SETUP} on the pages: the account's name, the challenge's session, the new app's code. */
    record MfaSetupAnswer(String username, String session, String code, RequestContext context) {
        public MfaSetupAnswer {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String toString() {
            return "MfaSetupAnswer[username=" + username + ", session=***, code=***]";
        }
    }

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
