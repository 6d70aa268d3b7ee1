package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.Tokens;
import java.util.Objects;
import java.util.Optional;

/**
 * Second factors (issue 14): an account holder sets an authenticator app up (TOTP) and turns it on; a
 * sign-in whose password was right answers its code; an operator sees and removes an account's factors.
 * Every outcome is an audit event; secrets and codes are in none.
 *
 * <p>The holder is named by an access token, or, during a sign-in that must set an app up first
 * ({@code MFA_SETUP}), by that challenge's session ({@link Holder}).
 */
public interface MultiFactor {

    /** A new secret for the holder's app ({@code SOFTWARE_TOKEN_ASSOCIATED}); with a session, the session to go on with. */
    Association associate(Holder holder, RequestContext context);

    /**
     * A code proves the app set up ({@code SOFTWARE_TOKEN_VERIFIED}): {@code EnableSoftwareTokenMFA} for a
     * wrong one. With a session, the session to answer {@code MFA_SETUP} with.
     */
    Optional<String> verify(Holder holder, String code, Optional<String> friendlyDeviceName, RequestContext context);

    /** The holder's own settings. */
    MfaSettings settings(String accessToken);

    /** The holder turns the app on or off, or prefers it ({@code MFA_PREFERENCE_SET}). */
    MfaSettings setPreference(String accessToken, SoftwareTokenPreference choice, RequestContext context);

    /** An operator's look at an account's factors; {@code username}: address or {@code sub}. {@code UserNotFound} for no account. */
    MfaSettings adminSettings(String username);

    /** An operator turns an account's app on or off ({@code MFA_PREFERENCE_SET}, the operator as actor). */
    MfaSettings adminSetPreference(String username, SoftwareTokenPreference choice, Actor actor, RequestContext context);

    /** An operator removes an account's app ({@code MFA_REMOVED_BY_ADMIN}); the account signs in with its password alone after. */
    void adminRemove(String username, Actor actor, RequestContext context);

    /**
     * Answers a sign-in's second-factor challenge ({@code SOFTWARE_TOKEN_MFA} with the app's code, or
     * {@code MFA_SETUP} once an app is verified): the tokens, and {@code MFA_CHALLENGE_ANSWERED} either way.
     * A wrong code is {@code CodeMismatch} and counts toward the lockout; an unknown name, or a session
     * unknown, used, expired or another account's, is {@code NotAuthorized}.
     */
    Tokens answerChallenge(ChallengeCommand command);

    /** Who sets an app up: the bearer of an access token, or the account of an {@code MFA_SETUP} session. Never prints. */
    sealed interface Holder {
        record ByAccessToken(String accessToken) implements Holder {
            @Override
            public String toString() {
                return "ByAccessToken[***]";
            }
        }

        record BySetupSession(String session) implements Holder {
            @Override
            public String toString() {
                return "BySetupSession[***]";
            }
        }
    }

    /** A new secret, and, for a holder named by a session, the session to go on with; neither prints. */
    record Association(SoftwareTokenSecret secret, Optional<String> session) {
        public Association {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String toString() {
            return "Association[secret=***, session=***]";
        }
    }

    /**
     * The answer to a second-factor challenge: {@code challengeName} as Cognito names it, the account
     * {@code username} names (address or {@code sub}), the session, the code (none for {@code MFA_SETUP}).
     */
    record ChallengeCommand(String challengeName, String username, String session, Optional<String> code,
                            RequestContext context) {
        @Override
        public String toString() {
            return "ChallengeCommand[" + challengeName + ", username=" + username + ", session=***, code=***]";
        }
    }
}
