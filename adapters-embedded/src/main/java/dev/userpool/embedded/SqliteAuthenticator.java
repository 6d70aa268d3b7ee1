package dev.userpool.embedded;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.GroupRank;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.embedded.AttemptLimits.Action;
import dev.userpool.embedded.EmbeddedTokenVerifier.CheckedToken;
import dev.userpool.embedded.OneTimeCodes.Purpose;
import dev.userpool.embedded.UserRows.Account;
import dev.userpool.srp.SrpVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in and sessions on the embedded directory's accounts, the way Cognito does them: Argon2id
 * password checks (one hash even for unknown users), the lockout after repeated failures, RS256
 * tokens, revocable refresh tokens, and reset codes through the wired {@link Mailer}.
 *
 * <p>With SRP on ({@link SrpServer}) every new password also gets its SRP verifier, an account without
 * one gets it at its next password sign-in, and {@link #answerChallenge} completes {@code USER_SRP_AUTH}
 * (through {@link SrpSignInChallenges})
 * sign-ins under the same lockout and rules as a password.
 *
 * <p>A password sign-in whose stored hash was made with other Argon2 parameters than the hasher's
 * stores a new hash of the proven password in the session's transaction ({@link HashUpgrade}).
 *
 * <p>Password hashing is done outside database transactions: it is slow, and the database is shared.
 */
public final class SqliteAuthenticator implements Authenticator {
    static final String INCORRECT_CREDENTIALS = UserPoolException.INCORRECT_CREDENTIALS;
    static final String INVALID_REFRESH_TOKEN = "Invalid Refresh Token";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteAuthenticator.class);

    private final EmbeddedDatabase db;
    private final PasswordHasher hasher;
    private final EmbeddedSettings settings;
    private final Mailer mailer;
    private final Clock clock;
    private final TokenIssuer issuer;
    private final EmbeddedTokenVerifier verifier;
    private final SrpServer srp;
    private final PasswordCheckAdmission admission;
    private final SecondFactors secondFactors;
    private final SqliteAppClientDirectory clients;
    /** The app client this authenticator signs in for ({@link #forClient}); empty: the default client. */
    private final Optional<String> boundClient;

    /** Without SRP: passwords only. */
    public SqliteAuthenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys, EmbeddedSettings settings,
                               Mailer mailer, Clock clock) {
        this(db, hasher, keys, settings, mailer, clock, SrpServer.disabled(db, clock));
    }

    public SqliteAuthenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys, EmbeddedSettings settings,
                               Mailer mailer, Clock clock, SrpServer srp) {
        this(db, hasher, keys, settings, mailer, clock, srp, dev.userpool.core.domain.MfaMode.OFF);
    }

    /** @param mfa the pool's MFA setting ({@code USERPOOL_MFA}): whether a right password leads to a second factor */
    public SqliteAuthenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys, EmbeddedSettings settings,
                               Mailer mailer, Clock clock, SrpServer srp, dev.userpool.core.domain.MfaMode mfa) {
        this(db, hasher, keys, settings, mailer, clock, srp,
                new SqliteAppClientDirectory(db, SqliteAppClientDirectory.defaultClientOf(settings)), mfa);
    }

    /** With the pool's app clients (issue 15): their tokens are issued and verified here too. */
    public SqliteAuthenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys, EmbeddedSettings settings,
                               Mailer mailer, Clock clock, SrpServer srp, SqliteAppClientDirectory clients) {
        this(db, hasher, keys, settings, mailer, clock, srp, clients, dev.userpool.core.domain.MfaMode.OFF);
    }

    /** With the pool's app clients (issue 15) and its MFA setting (issue 14). */
    public SqliteAuthenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys, EmbeddedSettings settings,
                               Mailer mailer, Clock clock, SrpServer srp, SqliteAppClientDirectory clients,
                               dev.userpool.core.domain.MfaMode mfa) {
        this.secondFactors = new SecondFactors(db, mfa);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.boundClient = Optional.empty();
        this.srp = Objects.requireNonNull(srp, "srp");
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuer = new TokenIssuer(keys, settings);
        this.verifier = new EmbeddedTokenVerifier(db, keys, settings, clock, clients);
        this.admission = new PasswordCheckAdmission(db);
    }

    /** {@code base} signing in for {@code clientId}: everything shared but the client. */
    private SqliteAuthenticator(SqliteAuthenticator base, String clientId) {
        this.db = base.db;
        this.hasher = base.hasher;
        this.settings = base.settings;
        this.mailer = base.mailer;
        this.clock = base.clock;
        this.issuer = base.issuer;
        this.verifier = base.verifier;
        this.srp = base.srp;
        this.admission = base.admission;
        this.secondFactors = base.secondFactors;
        this.clients = base.clients;
        this.boundClient = Optional.of(clientId);
    }

    @Override
    public SqliteAuthenticator forClient(String clientId) {
        return new SqliteAuthenticator(this, Objects.requireNonNull(clientId, "clientId"));
    }

    /** The client this sign-in is for; one deleted meanwhile signs nobody in. */
    private AppClient signingClient() {
        String id = boundClient.orElse(clients.defaultClientId());
        return clients.find(id).orElseThrow(() -> SqliteAppClientDirectory.notFound(id));
    }

    /** The client of a session; empty when it was deleted (its refresh token then refreshes nothing). */
    private Optional<AppClient> clientOf(Sessions.Session session) {
        return clients.find(session.clientId().orElse(clients.defaultClientId()));
    }

    /** Sessions are kept until the last token any client could have issued from them has expired. */
    private Duration longestTokenTtl() {
        Duration own = settings.longestTokenTtl();
        Duration clients = this.clients.longestTokenTtl();
        return clients.compareTo(own) > 0 ? clients : own;
    }

    /**
     * One read finds the account and whether it still needs its SRP verifier; one transaction opens the
     * session (and stores the verifier), so that a sign-in stays within a few database round trips.
     */
    @Override
    public SignedIn signIn(EmailAddress email, Password password) {
        return tokensOnly(signInStep(email, password));
    }

    /** Where the caller cannot present the NEW_PASSWORD_REQUIRED challenge, a sign-in that needs one is refused. */
    static SignedIn tokensOnly(SignInStep step) {
        if (step instanceof SignedIn signedIn) return signedIn;
        throw UserPoolException.notAuthorized("A new password is required.").passwordChecked(true).concerning(step.principal());
    }

    /**
     * A password sign-in; the right temporary password of a {@code FORCE_CHANGE_PASSWORD} account opens
     * a {@code NEW_PASSWORD_REQUIRED} challenge ({@link NewPasswordSessions}) instead of a session, and
     * an expired one is refused — both only once the password was proven, under the lockout like any.
     */
    @Override
    public SignInStep signInStep(EmailAddress email, Password password) {
        Objects.requireNonNull(password, "password");
        Instant now = clock.instant();
        record Found(Account account, boolean lacksVerifier) {}
        Optional<Found> found = db.read(c -> {
            Optional<Account> account = UserRows.byEmail(c, email);
            if (account.isEmpty()) return Optional.<Found>empty();
            return Optional.of(new Found(account.get(), srp.lacksVerifier(c, account.get().user().id())));
        });
        if (found.isEmpty()) {
            spendAHash();
            db.transaction(c -> {
                SignInLockout.spendAWriteLikeAFailure(c);
                return null;
            });
            throw UserPoolException.userNotFound().passwordChecked(false);
        }
        Principal principal = Principal.of(found.get().account().user());
        String hash = found.get().account().passwordHash();
        checkPassword(principal, () -> hasher.verify(hash, password), true, now);
        // An account without a verifier (made before SRP, or for another pool name) gets one now.
        Optional<SrpVerifier> newVerifier = found.get().lacksVerifier() ? srp.verifierFor(principal.id(), password) : Optional.empty();
        return signedIn(principal, newVerifier, upgradeOf(hash, password), now);
    }

    /**
     * A new hash of the proven password when the stored one was made with other parameters. Spent on
     * the hashing threads like any hash; when they are too busy the sign-in goes on, and a later one
     * upgrades the hash.
     */
    private Optional<HashUpgrade> upgradeOf(String storedHash, Password password) {
        if (!hasher.isOutdated(storedHash)) return Optional.empty();
        try {
            return Optional.of(new HashUpgrade(storedHash, hasher.hash(password)));
        } catch (UserPoolException tooBusy) {
            LOG.debug("Hashing threads too busy to upgrade a password hash now; a later sign-in will");
            return Optional.empty();
        }
    }

    /**
     * The second step of {@code USER_SRP_AUTH}: the password claim answering the {@link SrpServer}'s
     * challenge. A claim that tests no password (stale session, wrong timestamp, …) is refused without
     * counting; a wrong proof counts toward the lockout exactly like a wrong password. Served to the
     * core by {@link SrpSignInChallenges}.
     */
    SignedIn answerChallenge(ChallengeAnswer answer) {
        return tokensOnly(answerChallengeStep(answer));
    }

    /** {@link #answerChallenge} where a right proof for a temporary password may answer NEW_PASSWORD_REQUIRED. */
    SignInStep answerChallengeStep(ChallengeAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        Instant now = clock.instant();
        SrpServer.Claim claim;
        try {
            claim = srp.take(answer, now);
        } catch (UserPoolException e) {
            throw e.passwordChecked(false);
        }
        Principal principal = claim.account().orElseThrow(() -> UserPoolException.userNotFound().passwordChecked(false));
        if (!claim.realVerifier()) throw UserPoolException.incorrectCredentials().passwordChecked(false).concerning(principal);
        checkPassword(principal, claim::proven, false, now);
        return signedIn(principal, Optional.empty(), Optional.empty(), now);
    }

    /**
     * The password (or its SRP proof) is right: the lockout count starts over, and an account that may
     * sign in gets a session, and its upgraded password hash if it has one. One transaction, so an
     * account deleted meanwhile gets no session.
     */
    private SignInStep signedIn(Principal principal, Optional<SrpVerifier> newVerifier, Optional<HashUpgrade> upgrade,
                                Instant now) {
        UserId id = principal.id();
        String refreshToken = OpaqueTokens.newToken();
        AppClient client = signingClient();
        record Outcome(User user, Optional<Sessions.Session> session, boolean upgraded, Optional<String> challenge,
                       boolean temporaryExpired, List<GroupRank> groups, Optional<MfaRequired> mfa) {
            Outcome(User user, Optional<Sessions.Session> session, boolean upgraded, Optional<String> challenge,
                    boolean temporaryExpired, List<GroupRank> groups) {
                this(user, session, upgraded, challenge, temporaryExpired, groups, Optional.empty());
            }
        }
        Outcome outcome = db.transaction(c -> {
            User user = UserRows.byId(c, id).orElseThrow(() -> UserPoolException.userNotFound().passwordChecked(true)).user();
            if (newVerifier.isPresent()) SrpVerifierRows.save(c, id, newVerifier);
            // A second factor to come: the failures counted so far stay (wrong codes add to them), or a
            // right password between two wrong codes would give an attacker who knows it endless tries.
            Optional<MfaRequired.Kind> secondFactor = user.canSignIn() && !user.needsNewPassword()
                    ? secondFactors.asked(c, id) : Optional.empty();
            if (secondFactor.isPresent()) {
                return new Outcome(user, Optional.empty(), false, Optional.empty(), false, List.of(),
                        Optional.of(new MfaRequired(user, secondFactor.get(), MfaChallenges.open(c, id, secondFactor.get(), now))));
            }
            SignInLockout.clear(c, id);
            if (user.needsNewPassword()) {
                boolean expired = TemporaryPasswordRows.expiryOf(c, id).map(until -> !now.isBefore(until)).orElse(false);
                Optional<String> challenge = expired ? Optional.empty() : Optional.of(NewPasswordSessions.open(c, id, now));
                return new Outcome(user, Optional.empty(), false, challenge, expired, List.of());
            }
            if (!user.canSignIn()) return new Outcome(user, Optional.empty(), false, Optional.empty(), false, List.of());
            Sessions.purgeExpired(c, id, now, longestTokenTtl());
            Sessions.Session session = Sessions.open(c, id, refreshToken, now, client.refreshTokenValidity(), client.clientId());
            boolean upgraded = upgrade.isPresent() && upgrade.get().store(c, id);
            // the groups, read in the session's transaction: no round trip of their own
            return new Outcome(user, Optional.of(session), upgraded, Optional.empty(), false, GroupRows.tokenGroups(c, id));
        });
        if (outcome.upgraded()) {
            hasher.countUpgrade();
            LOG.info("Password hash of account {} upgraded at sign-in from {} to {}", id.value(),
                    hasher.parametersOf(upgrade.get().outdatedHash()).map(Argon2Parameters::summary).orElse("another format"),
                    hasher.parameters().summary());
        }
        try {
            outcome.user().ensureCanSignIn();
        } catch (UserPoolException e) {
            throw e.passwordChecked(true).concerning(principal);
        }
        if (outcome.temporaryExpired()) {
            throw UserPoolException.notAuthorized(User.TEMPORARY_PASSWORD_EXPIRED).passwordChecked(true).concerning(principal);
        }
        if (outcome.challenge().isPresent()) return new NewPasswordRequired(outcome.user(), outcome.challenge().get());
        if (outcome.mfa().isPresent()) return outcome.mfa().get();
        Tokens tokens = issuer.issue(outcome.user(), outcome.groups(), outcome.session().orElseThrow(), client, now, Optional.of(refreshToken));
        return new SignedIn(Principal.of(outcome.user()), tokens, outcome.upgraded());
    }

    /**
     * Only what a refresh must do: one read finds the session by its refresh token's digest together
     * with its account (whose address and groups may have changed since the sign-in), and the two
     * tokens are signed. The core records the event.
     */
    /**
     * The answer to {@code NEW_PASSWORD_REQUIRED}: the session is taken first, in a transaction of its own
     * (so a wrong or replayed one costs no hash and is used up even when refused); then the new password is
     * hashed, and one transaction stores it with the account as {@code chosen} leaves it and opens the session.
     */
    @Override
    public SignedIn completeNewPassword(User.Transition chosen, String session, Password newPassword) {
        Objects.requireNonNull(newPassword, "newPassword");
        UserId id = chosen.before().id();
        if (session == null || session.isBlank()) throw UserPoolException.notAuthorized(NewPasswordSessions.INVALID).passwordChecked(false);
        Instant now = clock.instant();
        NewPasswordSessions.Check check = db.transaction(c -> NewPasswordSessions.take(c, session.strip(), id, now));
        check.throwIfRefused();
        String newHash = hasher.hash(newPassword);
        Optional<SrpVerifier> newVerifier = srp.verifierFor(id, newPassword);
        String refreshToken = OpaqueTokens.newToken();
        AppClient client = signingClient();
        record Opened(Sessions.Session session, List<GroupRank> groups) {}
        Opened opened = db.transaction(c -> {
            UserRows.requireUnchanged(c, chosen.before());
            UserRows.saveState(c, chosen.after());
            UserRows.savePasswordHash(c, id, newHash);
            SrpVerifierRows.save(c, id, newVerifier);
            TemporaryPasswordRows.save(c, id, Optional.empty());
            NewPasswordSessions.endAll(c, id);
            SignInLockout.clear(c, id);
            Sessions.purgeExpired(c, id, now, longestTokenTtl());
            return new Opened(Sessions.open(c, id, refreshToken, now, client.refreshTokenValidity(), client.clientId()),
                    GroupRows.tokenGroups(c, id));
        });
        Tokens tokens = issuer.issue(chosen.after(), opened.groups(), opened.session(), client, now, Optional.of(refreshToken));
        return new SignedIn(Principal.of(chosen.after()), tokens);
    }

    /**
     * Issue 14: the account proved itself with a passkey (the core checked the assertion). One transaction
     * opens the session, as after a right password: an account that may not sign in gets none, and an
     * account that waits for a new password or a reset is refused, since a passkey answers neither.
     */
    @Override
    public SignedIn signInWithPasskey(UserId id) {
        Instant now = clock.instant();
        AppClient client = signingClient();
        String refreshToken = OpaqueTokens.newToken();
        record Opened(User user, Optional<Sessions.Session> session, List<GroupRank> groups) {}
        Opened opened = db.transaction(c -> {
            User user = UserRows.byId(c, id).orElseThrow(SqliteAuthenticator::accountGone).user();
            if (!user.canSignIn() || user.needsNewPassword()) return new Opened(user, Optional.empty(), List.of());
            SignInLockout.clear(c, id);
            Sessions.purgeExpired(c, id, now, settings.longestTokenTtl());
            return new Opened(user, Optional.of(Sessions.open(c, id, refreshToken, now, client.refreshTokenValidity(), client.clientId())),
                    GroupRows.tokenGroups(c, id));
        });
        Principal principal = Principal.of(opened.user());
        try {
            opened.user().ensureCanSignIn();
        } catch (UserPoolException e) {
            throw e.concerning(principal);
        }
        if (opened.session().isEmpty()) throw UserPoolException.notAuthorized("A new password is required.").concerning(principal);
        Tokens tokens = issuer.issue(opened.user(), opened.groups(), opened.session().get(), client, now, Optional.of(refreshToken));
        return new SignedIn(principal, tokens);
    }

    /**
     * Issue 14: the second step of a sign-in ({@link SecondFactors} checks the session and the code in one
     * transaction, which counts a wrong code toward the lockout), then a session opens as after a password.
     */
    @Override
    public SignedIn answerMfa(MfaAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        Instant now = clock.instant();
        AppClient client = signingClient();
        UserId id = answer.user().id();
        String refreshToken = OpaqueTokens.newToken();
        record Opened(SecondFactors.Check check, Optional<User> user, Optional<Sessions.Session> session, List<GroupRank> groups) {}
        Opened opened = db.transaction(c -> {
            SecondFactors.Check check = secondFactors.check(c, answer, now);
            if (check != SecondFactors.Check.PASSED) return new Opened(check, Optional.empty(), Optional.empty(), List.of());
            SignInLockout.clear(c, id);
            Optional<User> user = UserRows.byId(c, id).map(Account::user);
            if (user.isEmpty() || !user.get().canSignIn()) return new Opened(check, user, Optional.empty(), List.of());
            Sessions.purgeExpired(c, id, now, settings.longestTokenTtl());
            return new Opened(check, user, Optional.of(Sessions.open(c, id, refreshToken, now, client.refreshTokenValidity(), client.clientId())),
                    GroupRows.tokenGroups(c, id));
        });
        // thrown once the transaction committed: a refused answer has used its session up, a wrong code is counted
        opened.check().throwIfRefused(Principal.of(answer.user()));
        User user = opened.user().orElseThrow(() -> UserPoolException.userNotFound().passwordChecked(false));
        user.ensureCanSignIn();
        Tokens tokens = issuer.issue(user, opened.groups(), opened.session().orElseThrow(), client, now, Optional.of(refreshToken));
        return new SignedIn(Principal.of(user), tokens);
    }

    @Override
    public Optional<UserId> mfaSetupAccount(String session) {
        if (session == null || session.isBlank()) return Optional.empty();
        Instant now = clock.instant();
        return db.read(c -> MfaChallenges.accountOf(c, session.strip(), MfaRequired.Kind.MFA_SETUP, now));
    }

    @Override
    public SignedIn refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) throw UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN);
        Instant now = clock.instant();
        Sessions.Refreshable found = db.read(c -> Sessions.refreshable(c, refreshToken.strip(), now))
                .orElseThrow(() -> UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN));
        // a refresh keeps its session's client, which must still exist, and be the client asking when one is named
        AppClient client = clientOf(found.session()).orElseThrow(() -> UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN));
        if (boundClient.isPresent() && !boundClient.get().equals(client.clientId())) {
            throw UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN);
        }
        found.user().ensureCanSignIn();
        return new SignedIn(Principal.of(found.user()), issuer.issue(found.user(), found.groups(), found.session(), client, now,
                Optional.empty()));
    }

    @Override
    public void globalSignOut(String accessToken) {
        UserId user = accessTokenOf(accessToken).token().userId();
        db.transaction(c -> {
            Sessions.endAll(c, user);
            return null;
        });
    }

    /** Ends the session of this refresh token: the token stops working, and so do the ID and access tokens of the session. */
    @Override
    public UserId revokeRefreshToken(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) throw UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN);
        Instant now = clock.instant();
        return db.transaction(c -> {
            Sessions.Session session = Sessions.byRefreshToken(c, refreshToken.strip(), now)
                    .orElseThrow(() -> UserPoolException.notAuthorized(INVALID_REFRESH_TOKEN));
            Sessions.end(c, session.id());
            return session.userId();
        });
    }

    /** Ends every session of the account: its refresh tokens stop working, its ID and access tokens stop verifying. */
    @Override
    public void adminGlobalSignOut(EmailAddress email) {
        db.transaction(c -> {
            Sessions.endAll(c, UserRows.require(c, email).user().id());
            return null;
        });
    }

    @Override
    public CodeDelivery forgotPassword(EmailAddress email) {
        Instant now = clock.instant();
        String code = db.transaction(c -> {
            User user = UserRows.require(c, email).user();
            if (!user.enabled()) throw UserPoolException.notAuthorized("User is disabled.");
            user.ensurePasswordCanBeReset();
            AttemptLimits.take(c, user.id(), Action.FORGOT_PASSWORD, now);
            return OneTimeCodes.issue(c, user.id(), Purpose.PASSWORD_RESET, now);
        });
        mailer.deliver(EmailTemplates.passwordResetCode(email, code));
        return CodeDelivery.email(email);
    }

    /** The new password is hashed first, for known and unknown addresses alike, so the code check stays atomic. */
    @Override
    public void confirmForgotPassword(EmailAddress email, ConfirmationCode code, Password newPassword) {
        Objects.requireNonNull(code, "code");
        String newHash = hasher.hash(newPassword);
        Optional<UserId> known = db.read(c -> UserRows.byEmail(c, email)).map(a -> a.user().id());
        Optional<SrpVerifier> newVerifier = known.flatMap(id -> srp.verifierFor(id, newPassword));
        Instant now = clock.instant();
        OneTimeCodes.Check check = db.transaction(c -> {
            User account = UserRows.require(c, email).user();
            UserId user = account.id();
            AttemptLimits.take(c, user, Action.CONFIRM_FORGOT_PASSWORD, now);
            OneTimeCodes.Check result = OneTimeCodes.consume(c, user, Purpose.PASSWORD_RESET, code, now);
            if (result == OneTimeCodes.Check.MATCH) {
                // an account an administrator reset is confirmed again by its new password
                UserRows.saveState(c, account.completePasswordReset().after());
                UserRows.savePasswordHash(c, user, newHash);
                SrpVerifierRows.save(c, user, newVerifier.filter(v -> v.userIdForSrp().equals(user.value())));
                SignInLockout.clear(c, user);
                Sessions.endAll(c, user);
            }
            return result;
        });
        check.throwIfRefused();
    }

    /** Ends every other session; the caller's own session (the access token's) goes on. */
    @Override
    public void changePassword(String accessToken, Password oldPassword, Password newPassword) {
        CheckedToken token = accessTokenOf(accessToken);
        UserId id = token.token().userId();
        Instant now = clock.instant();
        Account account = db.read(c -> UserRows.byId(c, id)).orElseThrow(SqliteAuthenticator::accountGone);
        try {
            checkPassword(Principal.of(account.user()), () -> hasher.verify(account.passwordHash(), oldPassword), true, now);
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_FOUND) throw accountGone();
            throw e;
        }
        String newHash = hasher.hash(newPassword);
        Optional<SrpVerifier> newVerifier = srp.verifierFor(id, newPassword);
        db.transaction(c -> {
            if (!UserRows.savePasswordHash(c, id, newHash)) throw accountGone();
            SrpVerifierRows.save(c, id, newVerifier);
            SignInLockout.clear(c, id);
            Sessions.endAllExcept(c, id, token.sessionId());
            return null;
        });
    }

    /**
     * Tests one password (or SRP proof) of the account under the lockout: refused unheard while locked,
     * or while the checks already running could lock it ({@link PasswordCheckAdmission}); a wrong one
     * is counted before the next check is let in. A refusal unheard still spends a hash where the
     * password path would have, so a locked account answers as slowly as any other.
     */
    private void checkPassword(Principal account, java.util.function.BooleanSupplier test, boolean spendsHash, Instant now) {
        UserId id = account.id();
        Optional<PasswordCheckAdmission.Ticket> ticket = admission.admit(id, now);
        if (ticket.isEmpty()) {
            if (spendsHash) spendAHash();
            throw UserPoolException.notAuthorized(SignInLockout.LOCKED).passwordChecked(false).concerning(account);
        }
        try (PasswordCheckAdmission.Ticket admitted = ticket.get()) {
            boolean right;
            try {
                right = test.getAsBoolean();
            } catch (UserPoolException e) {
                throw e.passwordChecked(false).concerning(account);   // refused for load (the hashing queue is full): nothing was tested
            }
            if (right) return;
            boolean counted = db.transaction(c -> SignInLockout.recordFailure(c, id, now));
            // An account deleted while its password was checked answers like an unknown one.
            if (!counted) throw UserPoolException.userNotFound().passwordChecked(true);
            throw UserPoolException.incorrectCredentials().passwordChecked(true).concerning(account);
        }
    }

    /** A hash spent where the password path would spend one; refused for load, it still says nothing was tested. */
    private void spendAHash() {
        try {
            hasher.burnOneHash();
        } catch (UserPoolException e) {
            throw e.passwordChecked(false);
        }
    }

    private static UserPoolException accountGone() {
        return UserPoolException.notAuthorized("The account of this token no longer exists.");
    }

    private CheckedToken accessTokenOf(String accessToken) {
        CheckedToken token = verifier.check(accessToken);
        if (token.token().use() != TokenUse.ACCESS) {
            throw UserPoolException.notAuthorized("An access token is required, not an ID token.");
        }
        return token;
    }
}
