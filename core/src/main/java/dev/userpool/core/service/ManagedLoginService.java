package dev.userpool.core.service;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.ManagedLogin;
import dev.userpool.core.port.in.SignInResult;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.BrowserSessions;
import dev.userpool.core.port.out.TokenVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The managed login pages' sign-in, on top of {@link Authentication}: the password is proven there (with
 * its lockout, enumeration protection and {@code SIGN_IN} event); the session that sign-in opened is
 * ended at once (the browser holds no token, only its cookie), and a browser session is opened instead.
 * Issue 14's factors take the same road: setting an app up ({@code MFA_SETUP}) through {@link MultiFactor},
 * emailed codes and passkeys through {@link ChoiceBasedSignIn} (its limits, enumeration protection and
 * events), offered to a client only as {@link #passwordlessFactors} says.
 */
public final class ManagedLoginService implements ManagedLogin {
    private final Authentication authentication;
    private final dev.userpool.core.port.in.MultiFactor multiFactor;
    private final Authenticator authenticator;
    private final TokenVerifier verifier;
    private final BrowserSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;
    /** Issue 14: the passwordless first factors, where the pool serves choice-based sign-in; whether it serves passkeys. */
    private final Optional<ChoiceBasedSignIn> choice;
    private final boolean passkeysServed;

    /** Without choice-based sign-in: the pages offer the password alone. */
    public ManagedLoginService(Authentication authentication, dev.userpool.core.port.in.MultiFactor multiFactor,
                               Authenticator authenticator, TokenVerifier verifier, BrowserSessions sessions,
                               dev.userpool.core.port.out.AuditLog audit, Clock clock) {
        this(authentication, multiFactor, authenticator, verifier, sessions, audit, clock, Optional.empty(), false);
    }

    /**
     * @param choice choice-based sign-in, whose emailed codes and passkeys the pages offer where the pool's
     *               sign-in policy and the client allow them
     * @param passkeysServed whether the pool serves passkeys (a secure-context base URL)
     */
    public ManagedLoginService(Authentication authentication, dev.userpool.core.port.in.MultiFactor multiFactor,
                               Authenticator authenticator, TokenVerifier verifier, BrowserSessions sessions,
                               dev.userpool.core.port.out.AuditLog audit, Clock clock, Optional<ChoiceBasedSignIn> choice,
                               boolean passkeysServed) {
        this.authentication = authentication;
        this.multiFactor = multiFactor;
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.sessions = sessions;
        this.audit = new AuditTrail(audit, clock);
        this.clock = clock;
        this.choice = Objects.requireNonNull(choice, "choice");
        this.passkeysServed = passkeysServed;
    }

    @Override
    public Outcome signIn(Authentication.SignInCommand command) {
        SignInResult result = authentication.signInStep(command);
        if (result instanceof SignInResult.NewPasswordChallenge challenge) return new Outcome.NewPasswordChallenge(challenge.challenge());
        if (result instanceof SignInResult.MfaChallenge challenge) return new Outcome.MfaChallenge(challenge.challenge());
        return opened(((SignInResult.Completed) result).tokens(), command.email(), command.context());
    }

    @Override
    public Outcome answerMfa(dev.userpool.core.port.in.MultiFactor.ChallengeCommand command) {
        return opened(multiFactor.answerChallenge(command), command.username(), command.context());
    }

    @Override
    public Outcome completeNewPassword(Authentication.NewPasswordCommand command) {
        return opened(authentication.completeNewPassword(command), command.username(), command.context());
    }

    @Override
    public MultiFactor.Association beginMfaSetup(String session, RequestContext context) {
        return multiFactor.associate(new MultiFactor.Holder.BySetupSession(session == null ? "" : session), context);
    }

    @Override
    public Outcome completeMfaSetup(MfaSetupAnswer command) {
        String session = command.session() == null ? "" : command.session();
        // VerifySoftwareToken first: a wrong code leaves the set-up and its session as they were
        Optional<String> next = multiFactor.verify(new MultiFactor.Holder.BySetupSession(session),
                command.code() == null ? "" : command.code(), Optional.empty(), command.context());
        return answerMfa(new MultiFactor.ChallengeCommand(MfaRequired.Kind.MFA_SETUP.name(), command.username(),
                next.orElse(session), Optional.empty(), command.context()));
    }

    @Override
    public Set<AuthFactor> passwordlessFactors(AppClient client) {
        Set<AuthFactor> offered = EnumSet.noneOf(AuthFactor.class);
        if (choice.isEmpty() || !client.allows(AppClientRules.ALLOW_USER_AUTH)) return offered;
        SignInPolicy policy = choice.get().policy();
        if (policy.allows(AuthFactor.EMAIL_OTP)) offered.add(AuthFactor.EMAIL_OTP);
        if (passkeysServed && policy.allows(AuthFactor.WEB_AUTHN)) offered.add(AuthFactor.WEB_AUTHN);
        return offered;
    }

    @Override
    public ChoiceBasedSignIn.EmailOtpChallenge sendEmailCode(AppClient client, String username, RequestContext context) {
        ChoiceBasedSignIn signIn = offering(client, AuthFactor.EMAIL_OTP);
        return (ChoiceBasedSignIn.EmailOtpChallenge) signIn.start(new ChoiceBasedSignIn.Start(username,
                Optional.of(ChoiceBasedSignIn.EMAIL_OTP), Optional.empty(), Optional.empty(), context));
    }

    @Override
    public Outcome answerEmailCode(AppClient client, ChoiceBasedSignIn.CodeAnswer command) {
        Tokens tokens = offering(client, AuthFactor.EMAIL_OTP).answerEmailCode(command);
        return opened(tokens, command.username(), command.context());
    }

    @Override
    public PasskeyAuthentication.PasskeyChallenge startPasskey(AppClient client, String username, RequestContext context) {
        ChoiceBasedSignIn signIn = offering(client, AuthFactor.WEB_AUTHN);
        return ((ChoiceBasedSignIn.PasskeyChallenge) signIn.start(new ChoiceBasedSignIn.Start(username,
                Optional.of(ChoiceBasedSignIn.WEB_AUTHN), Optional.empty(), Optional.empty(), context))).challenge();
    }

    @Override
    public Outcome answerPasskey(AppClient client, ChoiceBasedSignIn.PasskeyAnswer command) {
        Tokens tokens = offering(client, AuthFactor.WEB_AUTHN).answerPasskey(command);
        return opened(tokens, command.username(), command.context());
    }

    /** Choice-based sign-in, when the pages offer {@code factor} to sign in to {@code client}; else {@code InvalidParameter}. */
    private ChoiceBasedSignIn offering(AppClient client, AuthFactor factor) {
        if (!passwordlessFactors(client).contains(factor)) {
            throw UserPoolException.invalidParameter("factor", factor + " sign-in is not offered to this app client"
                    + " (it needs ALLOW_USER_AUTH, and the pool's sign-in policy to allow " + factor + ")");
        }
        return choice.orElseThrow();
    }

    /** The proven user's browser session, in place of the tokens of the sign-in. */
    private Outcome opened(Tokens tokens, String name, RequestContext context) {
        AuditTrail.Draft draft = audit.begin(AuditEventType.MANAGED_LOGIN_SIGN_IN, name, context);
        try {
            UserId user = verifier.verify(tokens.idToken()).userId();
            draft.user(user);
            tokens.refreshToken().ifPresent(authenticator::revokeRefreshToken);
            Instant now = clock.instant();
            BrowserSession session = new BrowserSession(user, Instant.ofEpochSecond(now.getEpochSecond()), now.plus(SESSION_LIFETIME));
            String cookie = sessions.open(session);
            draft.success();
            return new Outcome.SessionOpened(cookie, session);
        } catch (UserPoolException e) {
            draft.failure(e.code());
            throw e;
        } catch (RuntimeException e) {
            draft.failure(ErrorCode.SERVICE_UNAVAILABLE);
            throw e;
        }
    }

    @Override
    public Optional<BrowserSession> session(String cookie) {
        if (cookie == null || cookie.isBlank()) return Optional.empty();
        return sessions.find(cookie, clock.instant());
    }

    @Override
    public void signOut(String cookie, RequestContext context) {
        AuditTrail.Draft draft = audit.begin(AuditEventType.LOGOUT, "", context);
        Optional<BrowserSession> session = session(cookie);
        session.map(BrowserSession::user).ifPresent(draft::user);
        if (session.isPresent()) sessions.end(cookie);
        draft.success();
    }
}
