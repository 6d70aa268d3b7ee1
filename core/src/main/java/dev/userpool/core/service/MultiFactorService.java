package dev.userpool.core.service;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.SoftwareTokens;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticator apps (TOTP) as a second factor: enrolment and settings through {@link SoftwareTokens},
 * the sign-in's second step through the {@link Authenticator} that posed it. Each use case records one
 * event; no event holds a secret, a code or a session.
 */
public final class MultiFactorService implements MultiFactor {
    static final String INVALID_SESSION = "Invalid session for the user.";

    private final Optional<SoftwareTokens> tokens;
    private final Authenticator authenticator;
    private final TokenVerifier tokenVerifier;
    private final UserDirectory directory;
    private final UserEnumerationProtection protection;
    private final AuditTrail audit;
    private final AccountNames names;

    /** @param tokens the accounts' apps, where the directory keeps them; without, enrolment is refused */
    public MultiFactorService(Optional<SoftwareTokens> tokens, Authenticator authenticator, TokenVerifier tokenVerifier,
                              UserDirectory directory, AuditLog auditLog, UserEnumerationProtection protection, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.tokenVerifier = Objects.requireNonNull(tokenVerifier, "tokenVerifier");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.protection = Objects.requireNonNull(protection, "protection");
        this.audit = new AuditTrail(auditLog, clock);
        this.names = new AccountNames(directory);
    }

    @Override
    public Association associate(Holder holder, RequestContext context) {
        var event = audit.begin(AuditEventType.SOFTWARE_TOKEN_ASSOCIATED, "", context);
        return audit.run(event, () -> {
            User user = holderOf(holder, event);
            // the holder's access token too, for a store that acts as the holder (Cognito)
            SoftwareTokenSecret secret = holder instanceof Holder.ByAccessToken t
                    ? store().associate(user.id(), t.accessToken().strip()) : store().associate(user.id());
            Optional<String> session = holder instanceof Holder.BySetupSession s ? Optional.of(s.session().strip()) : Optional.empty();
            return new Association(secret, session);
        });
    }

    @Override
    public Optional<String> verify(Holder holder, String code, Optional<String> friendlyDeviceName, RequestContext context) {
        var event = audit.begin(AuditEventType.SOFTWARE_TOKEN_VERIFIED, "", context);
        return audit.run(event, () -> {
            TotpCode totp = TotpCode.parse(code);
            User user = holderOf(holder, event);
            if (holder instanceof Holder.ByAccessToken t) {
                store().verify(user.id(), t.accessToken().strip(), totp);
            } else {
                store().verify(user.id(), totp);
            }
            return holder instanceof Holder.BySetupSession s ? Optional.of(s.session().strip()) : Optional.<String>empty();
        });
    }

    @Override
    public MfaSettings settings(String accessToken) {
        User user = bearerOf(accessToken);
        return tokens.map(t -> t.settings(user.id())).orElse(MfaSettings.NONE);
    }

    @Override
    public MfaSettings setPreference(String accessToken, SoftwareTokenPreference choice, RequestContext context) {
        Objects.requireNonNull(choice, "choice");
        var event = audit.begin(AuditEventType.MFA_PREFERENCE_SET, "", context);
        return audit.run(event, () -> {
            User user = bearerOf(accessToken);
            event.account(Principal.of(user));
            return store().setPreference(user.id(), choice);
        });
    }

    @Override
    public MfaSettings adminSettings(String username) {
        User user = accountNamed(username);
        return tokens.map(t -> t.settings(user.id())).orElse(MfaSettings.NONE);
    }

    @Override
    public MfaSettings adminSetPreference(String username, SoftwareTokenPreference choice, Actor actor, RequestContext context) {
        Objects.requireNonNull(choice, "choice");
        var event = audit.begin(AuditEventType.MFA_PREFERENCE_SET, AccountNames.asGiven(username), context).actor(actor);
        return audit.run(event, () -> {
            User user = accountNamed(username);
            event.account(Principal.of(user));
            return store().setPreference(user.id(), choice);
        });
    }

    @Override
    public void adminRemove(String username, Actor actor, RequestContext context) {
        var event = audit.begin(AuditEventType.MFA_REMOVED_BY_ADMIN, AccountNames.asGiven(username), context).actor(actor);
        audit.run(event, () -> {
            User user = accountNamed(username);
            event.account(Principal.of(user));
            return store().remove(user.id());
        });
    }

    @Override
    public Tokens answerChallenge(ChallengeCommand cmd) {
        String username = cmd.username() == null ? "" : cmd.username().strip();
        var event = audit.begin(AuditEventType.MFA_CHALLENGE_ANSWERED, AccountNames.asGiven(username), cmd.context());
        SignedIn signedIn;
        try {
            signedIn = audit.run(event, () -> {
                MfaRequired.Kind kind = MfaRequired.Kind.named(cmd.challengeName()).orElseThrow(() ->
                        UserPoolException.invalidParameter("ChallengeName", "must be SOFTWARE_TOKEN_MFA or MFA_SETUP"));
                if (username.isEmpty()) throw UserPoolException.invalidParameter("USERNAME", "is required");
                if (cmd.session() == null || cmd.session().isBlank()) throw UserPoolException.invalidParameter("Session", "is required");
                Optional<TotpCode> code = kind == MfaRequired.Kind.SOFTWARE_TOKEN_MFA
                        ? Optional.of(TotpCode.parse(cmd.code().orElse(""))) : Optional.empty();
                // An unknown name answers as a bad session does: only the challenge's session tells an account exists.
                User user = claimedAccount(username).orElseThrow(MultiFactorService::invalidSession);
                event.account(Principal.of(user));
                SignedIn opened = cmd.context().clientId().map(authenticator::forClient).orElse(authenticator).answerMfa(new MfaAnswer(user, kind, cmd.session().strip(), code));
                event.account(opened.principal());
                return opened;
            });
        } catch (UserPoolException e) {
            throw protection.atSignIn(e);
        }
        return signedIn.tokens();
    }

    private SoftwareTokens store() {
        return tokens.orElseThrow(() -> UserPoolException.invalidParameter("MFA",
                "authenticator apps are not kept by this pool's directory"));
    }

    /** The holder: the bearer of an access token, or the account of an MFA_SETUP challenge; noted on the event. */
    private User holderOf(Holder holder, AuditTrail.Draft event) {
        Objects.requireNonNull(holder, "holder");
        User user;
        if (holder instanceof Holder.ByAccessToken t) {
            user = bearerOf(t.accessToken());
        } else {
            String session = ((Holder.BySetupSession) holder).session();
            if (session == null || session.isBlank()) throw UserPoolException.invalidParameter("Session", "is required");
            UserId id = authenticator.mfaSetupAccount(session.strip()).orElseThrow(MultiFactorService::invalidSession);
            user = directory.findById(id).orElseThrow(MultiFactorService::invalidSession);
        }
        event.account(Principal.of(user));
        return user;
    }

    /** The enabled account of a valid access token (not an ID token). */
    private User bearerOf(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) throw UserPoolException.invalidParameter("AccessToken", "is required");
        VerifiedToken token = tokenVerifier.verify(accessToken.strip());
        if (token.use() != VerifiedToken.TokenUse.ACCESS) {
            throw UserPoolException.notAuthorized("An access token is required, not an ID token.");
        }
        User user = directory.findById(token.userId())
                .orElseThrow(() -> UserPoolException.notAuthorized("The account of this token no longer exists."));
        if (!user.enabled()) throw UserPoolException.notAuthorized("User is disabled.");
        return user;
    }

    private User accountNamed(String username) {
        EmailAddress email = names.addressOf(username);
        return directory.find(email).orElseThrow(UserPoolException::userNotFound);
    }

    /** The account a challenge answer is for, by address or by id; empty when there is none or the name is malformed. */
    private Optional<User> claimedAccount(String username) {
        try {
            return username.contains("@") ? directory.find(EmailAddress.parse(username)) : directory.findById(new UserId(username));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.INVALID_PARAMETER) return Optional.empty();
            throw e;
        }
    }

    private static UserPoolException invalidSession() {
        return UserPoolException.notAuthorized(INVALID_SESSION).passwordChecked(false);
    }
}
