package dev.userpool.core.port.in;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserStatus;
import java.util.Optional;
import java.util.Set;

/** What an account holder does: sign in and out, manage the password, see and delete the account. */
public interface Authentication {

    /**
     * The tokens of a password sign-in. An account that must choose a new password first (an
     * administrator's temporary password) is refused here, {@code NotAuthorized}: callers that can present
     * the {@code NEW_PASSWORD_REQUIRED} challenge use {@link #signInStep(SignInCommand)}.
     */
    Tokens signIn(SignInCommand command);

    /**
     * A password sign-in that ends in tokens or, for the right temporary password of a
     * {@code FORCE_CHANGE_PASSWORD} account, in the {@code NEW_PASSWORD_REQUIRED} challenge (an event
     * {@code NEW_PASSWORD_REQUIRED}); every refusal is {@link #signIn}'s, with the same event and protection.
     */
    SignInResult signInStep(SignInCommand command);

    /** {@link #signIn(ChallengeSignInCommand)} that may end in the {@code NEW_PASSWORD_REQUIRED} challenge, as {@link #signInStep(SignInCommand)}. */
    SignInResult signInStep(ChallengeSignInCommand command);

    /**
     * Answers {@code NEW_PASSWORD_REQUIRED}: the new password (checked against the policy) replaces the
     * temporary one, the account is {@code CONFIRMED}, and the tokens of a new session come back; event
     * {@code NEW_PASSWORD_CHOSEN}. A session that is unknown, used, expired or another account's is
     * {@code NotAuthorized} ("Invalid session for the user."), an unknown name too.
     */
    Tokens completeNewPassword(NewPasswordCommand command);

    /**
     * The first step of a sign-in by challenge (SRP's {@code USER_SRP_AUTH}): the {@code PASSWORD_VERIFIER}
     * challenge for the name given, an address or a {@code sub}, and the client's {@code SRP_A}. Any name
     * gets a challenge, so this tells nobody which names have accounts; each source address has its share
     * of the pending challenges. {@code InvalidParameter} when this pool poses no challenges or for a bad
     * {@code SRP_A}; {@code TooManyRequests} when too many challenges wait.
     */
    PasswordVerifierChallenge startSignIn(StartSignInCommand command);

    /**
     * The name a pending challenge was posed for (what the user typed), by its session: what checks made
     * before the answer (a client's {@code SECRET_HASH}) compare with. Empty when there is none.
     */
    Optional<String> challengedName(String session);

    /**
     * Completes a sign-in that {@link #startSignIn} began with a challenge (SRP): the directory's
     * {@code SignInChallenges} checks the answer; the outcome is that of {@link #signIn(SignInCommand)}, with the same
     * {@code SIGN_IN} event, lockout and user-enumeration protection.
     */
    Tokens signIn(ChallengeSignInCommand command);

    Tokens refresh(TokenCommand command);

    /** Global sign-out with the access token. */
    void signOut(TokenCommand command);

    /** Ends the one session of a refresh token (and the tokens it issued), leaving the user's other sessions. */
    void revokeToken(TokenCommand command);

    CodeDelivery forgotPassword(Registration.EmailCommand command);

    void resetPassword(ResetPasswordCommand command);

    void changePassword(ChangePasswordCommand command);

    /** The bearer of a valid ID or access token. */
    CurrentUser currentUser(String bearerToken);

    /** Deletes the access token's account. */
    void deleteAccount(TokenCommand command);

    /** {@code email}: the account's address or its id (the {@code sub} Cognito clients name a user by), resolved by the core. The password never prints. */
    record SignInCommand(String email, String password, RequestContext context) {
        @Override
        public String toString() {
            return "SignInCommand[email=" + email + ", password=***]";
        }
    }

    /** The first step of a sign-in by challenge: the name to sign in and the client's SRP public value. */
    record StartSignInCommand(String username, String srpA, RequestContext context) {}

    /**
     * An answer to a sign-in challenge, for the account {@code username} names: its address or its id
     * (the {@code sub}, as an SRP challenge names the user). The answer never prints.
     */
    record ChallengeSignInCommand(String username, ChallengeAnswer answer, RequestContext context) {}

    /**
     * The answer to {@code NEW_PASSWORD_REQUIRED}: the account {@code username} names (address or id), the
     * challenge's session and the new password. Session and password never print.
     */
    record NewPasswordCommand(String username, String session, String newPassword, RequestContext context) {
        @Override
        public String toString() {
            return "NewPasswordCommand[username=" + username + ", session=***, newPassword=***]";
        }
    }

    /** A command carrying a token (refresh or access); the token never prints. */
    record TokenCommand(String token, RequestContext context) {
        @Override
        public String toString() {
            return "TokenCommand[token=***]";
        }
    }

    /** {@code email}: the account's address or its id (the {@code sub} Cognito clients name a user by), resolved by the core. Code and password never print. */
    record ResetPasswordCommand(String email, String code, String newPassword, RequestContext context) {
        @Override
        public String toString() {
            return "ResetPasswordCommand[email=" + email + ", code=***, newPassword=***]";
        }
    }

    record ChangePasswordCommand(String accessToken, String oldPassword, String newPassword, RequestContext context) {
        @Override
        public String toString() {
            return "ChangePasswordCommand[***]";
        }
    }

    /** {@code attributes}: all the account holds; what the app client may read is the pool's policy's to say. */
    record CurrentUser(UserId userId, EmailAddress email, boolean emailVerified, UserStatus status,
                       Set<String> groups, dev.userpool.core.domain.UserAttributes attributes) {
        public CurrentUser {
            java.util.Objects.requireNonNull(attributes, "attributes");
        }

        /** Without attributes. */
        public CurrentUser(UserId userId, EmailAddress email, boolean emailVerified, UserStatus status, Set<String> groups) {
            this(userId, email, emailVerified, status, groups, dev.userpool.core.domain.UserAttributes.none());
        }
    }
}
