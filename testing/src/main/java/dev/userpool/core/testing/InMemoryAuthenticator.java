package dev.userpool.core.testing;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.SignInChallenges;
import dev.userpool.core.testing.InMemoryAccounts.Account;
import dev.userpool.core.testing.InMemoryAccounts.CodePurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An {@link Authenticator} over the accounts of an {@link InMemoryUserDirectory}, issuing tokens that
 * its {@link FakeTokenVerifier} verifies. Sessions are its refresh tokens, and the tokens issued in one
 * belong to it: a password change or reset ends every session (a change also revokes the tokens of
 * all sessions but the one it was made in), a global sign-out also revokes every issued token. No lockout, no attempt limits.
 *
 * <p>Challenges ({@link SignInChallenges}): {@link #poseChallenge} stands in for SRP's first step; its
 * answer ({@value #PASSWORD_CHALLENGE}, with the password as answer {@code PASSWORD}) is checked like
 * a password, once per challenge; a refusal says whether a password was tested.
 */
public final class InMemoryAuthenticator implements Authenticator, SignInChallenges {
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(30);
    public static final String INCORRECT_CREDENTIALS = "Incorrect username or password.";

    public static final String PASSWORD_CHALLENGE = "FAKE_PASSWORD";

    private record Session(UserId user, Instant expiresAt) {}

    private final InMemoryAccounts accounts;
    private final FakeTokenVerifier tokens;
    private final Function<User, Set<String>> groupsOf;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Each issued id or access token's session (its refresh token). */
    private final Map<String, String> sessionOfToken = new ConcurrentHashMap<>();
    private final Map<String, EmailAddress> challenges = new ConcurrentHashMap<>();
    /** Accounts whose stored hash a real adapter would find outdated: the next password sign-in rehashes it. */
    private final Set<EmailAddress> outdatedHashes = ConcurrentHashMap.newKeySet();
    private final CallLog calls = new CallLog();

    public InMemoryAuthenticator(InMemoryUserDirectory directory, FakeTokenVerifier tokens) {
        this(directory, tokens, user -> Set.of());
    }

    /** With the groups each account's tokens name, e.g. {@code adminPolicy::groupsOf}. */
    public InMemoryAuthenticator(InMemoryUserDirectory directory, FakeTokenVerifier tokens,
                                 Function<User, Set<String>> groupsOf) {
        this.accounts = directory.accounts;
        this.tokens = tokens;
        this.groupsOf = groupsOf;
    }

    @Override
    public SignedIn signIn(EmailAddress email, Password password) {
        SignInStep step = signInStep(email, password);
        if (step instanceof SignedIn signedIn) return signedIn;
        throw UserPoolException.notAuthorized("A new password is required.").concerning(step.principal());
    }

    /** A temporary password's challenge session lives 3 minutes (Cognito's), is used once and is bound to its account. */
    public static final Duration NEW_PASSWORD_SESSION_LIFETIME = Duration.ofMinutes(3);

    private record NewPasswordSession(UserId user, Instant expiresAt) {}

    private final Map<String, NewPasswordSession> newPasswordSessions = new ConcurrentHashMap<>();

    // issue 14, TOTP: accounts whose app is on answer its code after the password (MFA_SETUP is not faked)
    private volatile Optional<InMemorySoftwareTokens> secondFactors = Optional.empty();
    private final Map<String, NewPasswordSession> mfaSessions = new ConcurrentHashMap<>();

    /** From now on a right password of an account whose app is on leads to {@code SOFTWARE_TOKEN_MFA}. */
    public void askSecondFactorsOf(InMemorySoftwareTokens apps) {
        this.secondFactors = Optional.of(apps);
    }

    @Override
    public SignedIn answerMfa(dev.userpool.core.domain.MfaAnswer answer) {
        calls.add("answerMfa");
        NewPasswordSession pending = mfaSessions.remove(answer.session());
        if (pending == null || !pending.user().equals(answer.user().id())) {
            throw UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
        }
        if (!accounts.now().isBefore(pending.expiresAt())) {
            throw UserPoolException.notAuthorized("Invalid session for the user, session is expired.").passwordChecked(false);
        }
        if (secondFactors.isEmpty() || !secondFactors.get().accepts(answer.user().id(), answer.code().orElseThrow())) {
            throw new UserPoolException(dev.userpool.core.domain.ErrorCode.CODE_MISMATCH, "Invalid code received for user")
                    .concerning(Principal.of(answer.user()));
        }
        User user = answer.user();
        String refreshToken = "fake-refresh-token." + UUID.randomUUID();
        sessions.put(refreshToken, new Session(user.id(), accounts.now().plus(REFRESH_TOKEN_LIFETIME)));
        return new SignedIn(Principal.of(user), tokensFor(user, refreshToken, Optional.of(refreshToken)));
    }

    @Override
    public SignInStep signInStep(EmailAddress email, Password password) {
        calls.add("signIn");
        Account account = accounts.require(email);
        Principal principal = Principal.of(account.user());
        if (!account.password().equals(password)) {
            throw UserPoolException.notAuthorized(INCORRECT_CREDENTIALS).concerning(principal);
        }
        try {
            account.user().ensureCanSignIn();
        } catch (UserPoolException e) {
            throw e.concerning(principal);
        }
        if (account.user().needsNewPassword()) {
            Instant until = accounts.temporaryPasswordExpiry.get(account.user().id());
            if (until != null && !accounts.now().isBefore(until)) {
                throw UserPoolException.notAuthorized(User.TEMPORARY_PASSWORD_EXPIRED).concerning(principal);
            }
            String session = "fake-new-password-session." + UUID.randomUUID();
            newPasswordSessions.put(session, new NewPasswordSession(account.user().id(),
                    accounts.now().plus(NEW_PASSWORD_SESSION_LIFETIME)));
            return new NewPasswordRequired(account.user(), session);
        }
        if (secondFactors.isPresent() && secondFactors.get().settings(account.user().id()).softwareTokenEnabled()) {
            String session = "fake-mfa-session." + UUID.randomUUID();
            mfaSessions.put(session, new NewPasswordSession(account.user().id(), accounts.now().plus(NEW_PASSWORD_SESSION_LIFETIME)));
            return new dev.userpool.core.domain.MfaRequired(account.user(), dev.userpool.core.domain.MfaRequired.Kind.SOFTWARE_TOKEN_MFA, session);
        }
        String refreshToken = "fake-refresh-token." + UUID.randomUUID();
        sessions.put(refreshToken, new Session(account.user().id(), accounts.now().plus(REFRESH_TOKEN_LIFETIME)));
        return new SignedIn(principal, tokensFor(account.user(), refreshToken, Optional.of(refreshToken)),
                outdatedHashes.remove(email));
    }

    /** As if the account's password hash were of an older cost: its next password sign-in says it rehashed. */
    public void outdateHash(EmailAddress email) {
        outdatedHashes.add(email);
    }

    /** Poses a challenge to {@code email} (known or not, as SRP's first step does); returns its session. */
    public String poseChallenge(EmailAddress email) {
        String session = "fake-challenge." + UUID.randomUUID();
        challenges.put(session, email);
        return session;
    }

    /** The caller the last challenge was posed for: whose share of the pending challenges it took. */
    public volatile Optional<String> lastCaller = Optional.empty();

    /** Poses a challenge to {@code username}, an address; SRP_A is not looked at. */
    @Override
    public PasswordVerifierChallenge pose(String username, String srpA, String caller) {
        lastCaller = Optional.of(caller);
        String session = poseChallenge(EmailAddress.parse(username));
        return new PasswordVerifierChallenge("fake-srp-b", "fake-salt", session, username, username);
    }

    @Override
    public Optional<String> challengedName(String session) {
        return Optional.ofNullable(challenges.get(session)).map(EmailAddress::value);
    }

    @Override
    public SignedIn completeNewPassword(User.Transition chosen, String session, Password newPassword) {
        calls.add("completeNewPassword");
        NewPasswordSession pending = session == null ? null : newPasswordSessions.remove(session);
        if (pending == null || !pending.user().equals(chosen.before().id())) {
            throw UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
        }
        if (!accounts.now().isBefore(pending.expiresAt())) {
            throw UserPoolException.notAuthorized("Invalid session for the user, session is expired.").passwordChecked(false);
        }
        accounts.update(chosen.before().email(), a -> {
            if (!a.user().equals(chosen.before())) {
                throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, "The account changed meanwhile; try again.");
            }
            return a.withUser(chosen.after()).withPassword(newPassword);
        });
        accounts.temporaryPasswordExpiry.remove(chosen.after().id());
        String refreshToken = "fake-refresh-token." + UUID.randomUUID();
        sessions.put(refreshToken, new Session(chosen.after().id(), accounts.now().plus(REFRESH_TOKEN_LIFETIME)));
        return new SignedIn(Principal.of(chosen.after()), tokensFor(chosen.after(), refreshToken, Optional.of(refreshToken)));
    }

    @Override
    public SignInStep answerStep(ChallengeAnswer answer) {
        calls.add("answerChallenge");
        EmailAddress email = challenges.remove(answer.session());
        if (email == null || !PASSWORD_CHALLENGE.equals(answer.challengeName())) {
            throw UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
        }
        Password password = Password.of(answer.required("PASSWORD"));
        try {
            return signInStep(email, password);
        } catch (UserPoolException e) {
            throw e.passwordChecked(e.code() != ErrorCode.USER_NOT_FOUND);
        }
    }

    @Override
    public SignedIn answer(ChallengeAnswer answer) {
        calls.add("answerChallenge");
        EmailAddress email = challenges.remove(answer.session());
        if (email == null || !PASSWORD_CHALLENGE.equals(answer.challengeName())) {
            throw UserPoolException.notAuthorized("Invalid session for the user.").passwordChecked(false);
        }
        Password password = Password.of(answer.required("PASSWORD"));
        try {
            return signIn(email, password);
        } catch (UserPoolException e) {
            // an unknown account is refused before any password is looked at; everything else after
            throw e.passwordChecked(e.code() != ErrorCode.USER_NOT_FOUND);
        }
    }

    /** Issue 14: a session for an account that proved itself with a passkey, as a password sign-in opens. */
    @Override
    public SignedIn signInWithPasskey(UserId user) {
        calls.add("signInWithPasskey");
        User account = accounts.findById(user).map(Account::user)
                .orElseThrow(() -> UserPoolException.notAuthorized(INCORRECT_CREDENTIALS));
        account.ensureCanSignIn();
        String refreshToken = "fake-refresh-token." + UUID.randomUUID();
        sessions.put(refreshToken, new Session(user, accounts.now().plus(REFRESH_TOKEN_LIFETIME)));
        return new SignedIn(Principal.of(account), tokensFor(account, refreshToken, Optional.of(refreshToken)));
    }

    @Override
    public SignedIn refresh(String refreshToken) {
        calls.add("refresh");
        Session session = refreshToken == null ? null : sessions.get(refreshToken);
        if (session == null || !accounts.now().isBefore(session.expiresAt())) {
            throw UserPoolException.notAuthorized("Invalid Refresh Token");
        }
        User user = accounts.findById(session.user()).map(Account::user)
                .orElseThrow(() -> UserPoolException.notAuthorized("Invalid Refresh Token"));
        user.ensureCanSignIn();
        return new SignedIn(Principal.of(user), tokensFor(user, refreshToken, Optional.empty()));
    }

    @Override
    public void globalSignOut(String accessToken) {
        calls.add("globalSignOut");
        UserId user = accessTokenOf(accessToken).userId();
        endSessions(user);
        tokens.revokeAll(user);
    }

    @Override
    public UserId revokeRefreshToken(String refreshToken) {
        calls.add("revokeRefreshToken");
        Session session = refreshToken == null ? null : sessions.remove(refreshToken);
        if (session == null || !accounts.now().isBefore(session.expiresAt())) {
            throw UserPoolException.notAuthorized("Invalid Refresh Token");
        }
        return session.user();
    }

    @Override
    public void adminGlobalSignOut(EmailAddress email) {
        calls.add("adminGlobalSignOut");
        UserId user = accounts.require(email).user().id();
        endSessions(user);
        tokens.revokeAll(user);
    }

    @Override
    public CodeDelivery forgotPassword(EmailAddress email) {
        calls.add("forgotPassword");
        accounts.update(email, a -> {
            a.user().ensurePasswordCanBeReset();
            return accounts.withNewCode(a, CodePurpose.PASSWORD_RESET);
        });
        return CodeDelivery.email(email);
    }

    @Override
    public void confirmForgotPassword(EmailAddress email, ConfirmationCode code, Password newPassword) {
        calls.add("confirmForgotPassword");
        Account changed = accounts.update(email,
                a -> accounts.consumeCode(a, CodePurpose.PASSWORD_RESET, code).withPassword(newPassword)
                        .withUser(a.user().completePasswordReset().after()));
        endSessions(changed.user().id());
    }

    @Override
    public void changePassword(String accessToken, Password oldPassword, Password newPassword) {
        calls.add("changePassword");
        UserId id = accessTokenOf(accessToken).userId();
        Account account = accounts.findById(id)
                .orElseThrow(() -> UserPoolException.notAuthorized("Invalid Access Token"));
        accounts.update(account.user().email(), a -> {
            if (!a.user().enabled()) throw UserPoolException.notAuthorized("User is disabled.");
            if (!a.password().equals(oldPassword)) throw UserPoolException.notAuthorized(INCORRECT_CREDENTIALS);
            return a.withPassword(newPassword);
        });
        endSessions(id);
        revokeTokensOfOtherSessions(id, Optional.ofNullable(sessionOfToken.get(accessToken.strip())));
    }

    /** The last password-reset code sent to {@code email}, as its owner would read it. */
    public Optional<String> lastResetCodeSentTo(EmailAddress email) {
        return accounts.lastCodeSent(email, CodePurpose.PASSWORD_RESET);
    }

    /** The port methods called, in order. */
    public List<String> calls() {
        return calls.all();
    }

    private VerifiedToken accessTokenOf(String token) {
        VerifiedToken verified = tokens.check(token);
        if (verified.use() != TokenUse.ACCESS) throw UserPoolException.notAuthorized("Invalid Access Token");
        return verified;
    }

    private Tokens tokensFor(User user, String session, Optional<String> refreshToken) {
        Set<String> groups = groupsOf.apply(user);
        String idToken = tokens.issue(user.id(), TokenUse.ID, Optional.of(user.email()), groups);
        String accessToken = tokens.issue(user.id(), TokenUse.ACCESS, Optional.empty(), groups);
        sessionOfToken.put(idToken, session);
        sessionOfToken.put(accessToken, session);
        return new Tokens(idToken, accessToken, refreshToken, FakeTokenVerifier.LIFETIME);
    }

    /** Ends every session of the account (an administrator's reset). */
    void endSessionsOf(UserId user) {
        endSessions(user);
        tokens.revokeAll(user);
    }

    private void endSessions(UserId user) {
        sessions.values().removeIf(s -> s.user().equals(user));
    }

    /** Revokes the tokens of {@code user} but those issued in the session {@code kept}. */
    private void revokeTokensOfOtherSessions(UserId user, Optional<String> kept) {
        Set<String> keptTokens = sessionOfToken.entrySet().stream().filter(e -> kept.equals(Optional.of(e.getValue())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        tokens.revokeAllBut(user, keptTokens);
    }
}
