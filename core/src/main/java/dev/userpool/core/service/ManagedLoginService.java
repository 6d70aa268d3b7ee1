package dev.userpool.core.service;

import dev.userpool.core.domain.AuditEventType;
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
import java.util.Optional;

/**
 * The managed login pages' sign-in, on top of {@link Authentication}: the password is proven there (with
 * its lockout, enumeration protection and {@code SIGN_IN} event); the session that sign-in opened is
 * ended at once (the browser holds no token, only its cookie), and a browser session is opened instead.
 */
public final class ManagedLoginService implements ManagedLogin {
    private final Authentication authentication;
    private final dev.userpool.core.port.in.MultiFactor multiFactor;
    private final Authenticator authenticator;
    private final TokenVerifier verifier;
    private final BrowserSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public ManagedLoginService(Authentication authentication, dev.userpool.core.port.in.MultiFactor multiFactor,
                               Authenticator authenticator, TokenVerifier verifier, BrowserSessions sessions,
                               dev.userpool.core.port.out.AuditLog audit, Clock clock) {
        this.authentication = authentication;
        this.multiFactor = multiFactor;
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.sessions = sessions;
        this.audit = new AuditTrail(audit, clock);
        this.clock = clock;
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
