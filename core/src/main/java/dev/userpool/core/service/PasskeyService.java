package dev.userpool.core.service;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.PasskeyCeremony;
import dev.userpool.core.domain.PasskeyCeremony.Purpose;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.RelyingParty;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.port.in.Passkeys;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.PasskeyCeremonies;
import dev.userpool.core.port.out.PasskeyCeremonies.CheckedAssertion;
import dev.userpool.core.port.out.PasskeyCeremonies.Expected;
import dev.userpool.core.port.out.PasskeyCeremonies.NewCredential;
import dev.userpool.core.port.out.PasskeyCredentials;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Passkeys (WebAuthn), as Cognito's user pools keep them: a signed-in user adds one (a registration
 * challenge, answered once within {@link #CEREMONY_TTL}), lists and deletes theirs, and signs in with one
 * (the {@code WEB_AUTHN} challenge). The cryptography is the {@link PasskeyCeremonies}' job; the rules are
 * here: one use per challenge, expiry by the injected clock, at most {@link Passkey#MAX_PER_USER} per
 * account, the credential must be the challenged account's own, and its sign count must go forward.
 */
public final class PasskeyService implements Passkeys, PasskeyAuthentication {
    /** How long a posed challenge may be answered; also the timeout the options give the browser. */
    public static final Duration CEREMONY_TTL = Duration.ofMinutes(5);
    static final String NOT_ENABLED = "Passkeys need a secure context: USERPOOL_BASE_URL must be https, or http on localhost.";
    static final String NO_CHALLENGE = "No passkey registration was started for this user, or it expired: call StartWebAuthnRegistration again.";
    static final String SIGN_IN_REFUSED = "Invalid session for the user.";
    /** Cognito accepts user verification where available; the options say "preferred", so it is not required. */
    static final boolean USER_VERIFICATION_REQUIRED = false;

    private final Optional<RelyingParty> relyingParty;
    private final String offReason;
    private final PasskeyCredentials store;
    private final PasskeyCeremonies ceremonies;
    private final TokenVerifier tokens;
    private final UserDirectory directory;
    private final Authenticator authenticator;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountNames names;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param relyingParty where passkeys may be used; empty turns them off
     * @param offReason    what callers are told when they are off
     */
    public PasskeyService(Optional<RelyingParty> relyingParty, String offReason, PasskeyCredentials store,
                          PasskeyCeremonies ceremonies, TokenVerifier tokens, UserDirectory directory,
                          Authenticator authenticator, AuditLog auditLog, Clock clock) {
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
        this.offReason = Objects.requireNonNull(offReason, "offReason");
        this.store = Objects.requireNonNull(store, "store");
        this.ceremonies = Objects.requireNonNull(ceremonies, "ceremonies");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.audit = new AuditTrail(auditLog, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.names = new AccountNames(directory);
    }

    @Override
    public boolean enabled() {
        return relyingParty.isPresent();
    }

    @Override
    public Optional<String> relyingPartyId() {
        return relyingParty.map(RelyingParty::id);
    }

    private RelyingParty relyingParty() {
        return relyingParty.orElseThrow(() -> new UserPoolException(ErrorCode.WEB_AUTHN_CONFIGURATION_MISSING, offReason));
    }

    // --- registration, list, delete: a signed-in account holder ---

    /** Posing a challenge changes nothing that is kept beyond it, so only its refusal is an event (as SRP's). */
    @Override
    public String startRegistration(String accessToken, RequestContext context) {
        var event = audit.begin(AuditEventType.PASSKEY_REGISTERED, "", context);
        return audit.validate(event, () -> {
            RelyingParty rp = relyingParty();
            User user = holder(accessToken);
            event.account(Principal.of(user));
            List<Passkey> held = store.of(user.id());
            if (held.size() >= Passkey.MAX_PER_USER) throw tooMany();
            byte[] challenge = newChallenge();
            store.hold(new PasskeyCeremony(registrationKey(user.id()), Purpose.REGISTRATION, user.id(), challenge,
                    clock.instant().plus(CEREMONY_TTL)));
            return ceremonies.creationOptionsJson(new PasskeyCeremonies.CreationOptions(rp, user.id(), user.email().value(),
                    challenge, CEREMONY_TTL.toMillis(), held.stream().map(Passkey::credentialId).toList()));
        });
    }

    @Override
    public Passkey completeRegistration(String accessToken, String credentialJson, RequestContext context) {
        var event = audit.begin(AuditEventType.PASSKEY_REGISTERED, "", context);
        return audit.run(event, () -> {
            RelyingParty rp = relyingParty();
            User user = holder(accessToken);
            event.account(Principal.of(user));
            String answer = requireJson(credentialJson, "Credential");
            // Taken before it is checked: a wrong answer uses the challenge up too, so it cannot be tried again.
            PasskeyCeremony ceremony = store.take(registrationKey(user.id()))
                    .filter(c -> c.purpose() == Purpose.REGISTRATION && !c.expiredAt(clock.instant()))
                    .orElseThrow(() -> new UserPoolException(ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND, NO_CHALLENGE));
            NewCredential proven = ceremonies.verifyRegistration(answer,
                    new Expected(rp, ceremony.challenge(), USER_VERIFICATION_REQUIRED));
            Instant now = clock.instant();
            Passkey passkey = new Passkey(proven.credentialId(), user.id(), proven.publicKeyCose(), proven.signCount(),
                    proven.transports(), proven.attachment(), friendlyName(proven), rp.id(), now, Optional.empty());
            store.add(passkey, Passkey.MAX_PER_USER);
            return passkey;
        });
    }

    private static String friendlyName(NewCredential proven) {
        return proven.attachment().map(a -> a.equals("platform") ? "Passkey on a device" : "Security key").orElse("Passkey");
    }

    /** Reads are not audited, as the pool's other reads. */
    @Override
    public Page<Passkey> list(String accessToken, PageRequest page) {
        relyingParty();
        User user = holder(accessToken);
        List<Passkey> all = store.of(user.id());
        int from = page.cursor().map(PasskeyService::offsetOf).orElse(0);
        if (from > all.size()) throw UserPoolException.invalidParameter("NextToken", "is not a token this listing gave");
        int to = Math.min(all.size(), from + page.limit());
        return new Page<>(all.subList(from, to), to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    private static int offsetOf(String cursor) {
        try {
            int n = Integer.parseInt(cursor.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw UserPoolException.invalidParameter("NextToken", "is not a token this listing gave");
        }
    }

    @Override
    public void delete(String accessToken, String credentialId, RequestContext context) {
        var event = audit.begin(AuditEventType.PASSKEY_DELETED, "", context);
        audit.run(event, () -> {
            relyingParty();
            User user = holder(accessToken);
            event.account(Principal.of(user));
            String id = Passkey.requireCredentialId(credentialId);
            if (!store.remove(user.id(), id)) throw noSuchPasskey();
            return null;
        });
    }

    @Override
    public List<Passkey> of(UserId user) {
        return store.of(user);
    }

    @Override
    public void remove(UserId user, String credentialId, Actor administrator, RequestContext context) {
        var event = audit.begin(AuditEventType.PASSKEY_DELETED, "", context).actor(administrator).user(user);
        audit.run(event, () -> {
            directory.findById(user).ifPresent(u -> event.account(Principal.of(u)));
            if (!store.remove(user, Passkey.requireCredentialId(credentialId))) throw noSuchPasskey();
            return null;
        });
    }

    private static UserPoolException noSuchPasskey() {
        return new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "The user has no passkey with this credential id.");
    }

    static UserPoolException tooMany() {
        return new UserPoolException(ErrorCode.LIMIT_EXCEEDED,
                "The user already has the most passkeys allowed (" + Passkey.MAX_PER_USER + ").");
    }

    /** The account of a valid access token, enabled. */
    private User holder(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) throw UserPoolException.notAuthorized("An access token is required.");
        VerifiedToken token = tokens.verify(accessToken.strip());
        if (token.use() != VerifiedToken.TokenUse.ACCESS) {
            throw UserPoolException.notAuthorized("An access token is required, not an ID token.");
        }
        User user = directory.findById(token.userId())
                .orElseThrow(() -> UserPoolException.notAuthorized("The account of this token no longer exists."));
        if (!user.enabled()) throw UserPoolException.notAuthorized("User is disabled.");
        return user;
    }

    // --- sign-in: the WEB_AUTHN challenge ---

    @Override
    public boolean offersPasskey(String username) {
        if (relyingParty.isEmpty()) return false;
        return claimed(username).map(u -> !store.of(u.id()).isEmpty()).orElse(false);
    }

    /**
     * Every name gets options of the same shape (no allowed credentials: passkeys are discoverable) and a
     * fresh session; only a known account's session is held, so an unknown name's can never be answered.
     */
    @Override
    public PasskeyChallenge startSignIn(String username, RequestContext context) {
        var event = audit.begin(AuditEventType.PASSKEY_SIGN_IN, AccountNames.asGiven(username), context);
        return audit.validate(event, () -> {
            RelyingParty rp = relyingParty();
            if (username == null || username.isBlank()) throw UserPoolException.invalidParameter("USERNAME", "is required");
            byte[] challenge = newChallenge();
            String session = newSession();
            claimed(username).ifPresent(u -> store.hold(new PasskeyCeremony(signInKey(session), Purpose.SIGN_IN, u.id(),
                    challenge, clock.instant().plus(CEREMONY_TTL))));
            String options = ceremonies.requestOptionsJson(new PasskeyCeremonies.RequestOptions(rp, challenge,
                    CEREMONY_TTL.toMillis()));
            return new PasskeyChallenge(options, session);
        });
    }

    /**
     * Whatever is wrong answers alike ({@code NotAuthorized}), so nobody learns which names have accounts
     * or passkeys; the event keeps the real reason.
     */
    @Override
    public Tokens completeSignIn(String username, String session, String credentialJson, RequestContext context) {
        var event = audit.begin(AuditEventType.PASSKEY_SIGN_IN, AccountNames.asGiven(username), context);
        try {
            return audit.run(event, () -> {
                RelyingParty rp = relyingParty();
                if (session == null || session.isBlank()) throw refused();
                String answer = requireJson(credentialJson, "CREDENTIAL");
                PasskeyCeremony ceremony = store.take(signInKey(session.strip()))
                        .filter(c -> c.purpose() == Purpose.SIGN_IN && !c.expiredAt(clock.instant()))
                        .orElseThrow(PasskeyService::refused);
                User user = claimed(username).filter(u -> u.id().equals(ceremony.user())).orElseThrow(PasskeyService::refused);
                event.account(Principal.of(user));
                // the credential must be one of the challenged account's own passkeys
                Passkey passkey = store.find(ceremonies.assertedCredentialId(answer))
                        .filter(p -> p.owner().equals(user.id()))
                        .orElseThrow(() -> refused("the credential is not one of this account's passkeys"));
                CheckedAssertion checked = ceremonies.verifyAssertion(answer,
                        new Expected(rp, ceremony.challenge(), USER_VERIFICATION_REQUIRED), passkey);
                if (checked.userHandle().isPresent() && !checked.userHandle().get().equals(user.id().value())) {
                    throw refused("the assertion's user handle names another account");
                }
                if (!passkey.acceptsSignCount(checked.signCount())) {
                    throw refused("the sign count did not go forward: the passkey may have been cloned");
                }
                if (!store.recordUse(passkey.credentialId(), passkey.signCount(), checked.signCount(), clock.instant())) {
                    throw refused("the passkey was used by another sign-in at the same time");
                }
                SignedIn signedIn = context.clientId().map(authenticator::forClient).orElse(authenticator).signInWithPasskey(user.id());
                return signedIn.tokens();
            });
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.WEB_AUTHN_CONFIGURATION_MISSING || e.code() == ErrorCode.INVALID_PARAMETER) throw e;
            throw refusedAlike(e);
        }
    }

    /** Refusals of a sign-in reach callers as one answer; origin and relying-party mismatches keep their names, as Cognito's. */
    private static UserPoolException refusedAlike(UserPoolException e) {
        return switch (e.code()) {
            case WEB_AUTHN_ORIGIN_NOT_ALLOWED, WEB_AUTHN_RELYING_PARTY_MISMATCH, WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED,
                 NOT_AUTHORIZED, USER_NOT_CONFIRMED, PASSWORD_RESET_REQUIRED -> e;
            default -> refused();
        };
    }

    private static UserPoolException refused() {
        return UserPoolException.notAuthorized(SIGN_IN_REFUSED);
    }

    /** The reason is for the log of whoever debugs; callers see the one answer. */
    private static UserPoolException refused(String why) {
        return UserPoolException.notAuthorized(SIGN_IN_REFUSED);
    }

    private Optional<User> claimed(String username) {
        try {
            return directory.find(names.addressOf(username));
        } catch (UserPoolException e) {
            return Optional.empty();
        }
    }

    private static String requireJson(String json, String field) {
        if (json == null || json.isBlank()) throw UserPoolException.invalidParameter(field, "is required");
        return json;
    }

    private byte[] newChallenge() {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        return challenge;
    }

    private String newSession() {
        return ChallengeSessions.newSession(random);
    }

    private static String registrationKey(UserId user) {
        return "registration:" + user.value();
    }

    /** Only a digest of the session is kept: what is stored cannot answer the challenge. */
    static String signInKey(String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
            return "sign-in:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
