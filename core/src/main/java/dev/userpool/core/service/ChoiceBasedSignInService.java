package dev.userpool.core.service;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PendingSignIn;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.FactorSignIn;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.PendingSignIns;
import dev.userpool.core.port.out.SignInPolicyStore;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Choice-based sign-in ({@code USER_AUTH}). The password factors go through {@link Authentication} (so a
 * temporary password's {@code NEW_PASSWORD_REQUIRED}, the lockout and the {@code SIGN_IN} event are the
 * password sign-in's own), passkeys through {@link PasskeyAuthentication}; the emailed codes are this
 * service's: 8 digits, 3 minutes, three wrong answers per session, five codes an hour per address, and a
 * wrong code counts toward the account's lockout like a wrong password.
 *
 * <p>Enumeration: every name, with an account or not, with a verified address or not, gets the same
 * challenges; a code goes only to an account's verified address, and a session without one can never be
 * answered. Only the events say which it was.
 */
public final class ChoiceBasedSignInService implements ChoiceBasedSignIn {
    /** How long a code (and a SELECT_CHALLENGE session) lasts: Cognito's three minutes. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(3);
    static final String INVALID_SESSION = "Invalid session for the user.";
    static final String EXPIRED_SESSION = "Invalid session for the user, session is expired.";
    static final String WRONG_CODE = "Invalid code or auth state for the user.";
    static final String EXPIRED_CODE = "Invalid code provided, please request a code again.";

    private final Authentication authentication;
    private final PasskeyAuthentication passkeys;
    private final UserDirectory directory;
    private final PendingSignIns pending;
    private final FactorSignIn factors;
    private final SignInPolicyStore policyStore;
    private final SignInPolicy defaultPolicy;
    private final boolean srpOffered;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountNames names;
    private final AddressAttemptLimits limits;

    /**
     * @param defaultPolicy the policy until an operator sets one ({@code USERPOOL_FIRST_AUTH_FACTORS})
     * @param srpOffered whether {@code PASSWORD_SRP} is offered (the pool keeps SRP verifiers)
     */
    public ChoiceBasedSignInService(Authentication authentication, PasskeyAuthentication passkeys, UserDirectory directory,
                                    PendingSignIns pending, FactorSignIn factors, SignInPolicyStore policyStore,
                                    SignInPolicy defaultPolicy, boolean srpOffered, Mailer mailer, AuditLog auditLog,
                                    Clock clock) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.factors = Objects.requireNonNull(factors, "factors");
        this.policyStore = Objects.requireNonNull(policyStore, "policyStore");
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        this.srpOffered = srpOffered;
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.audit = new AuditTrail(auditLog, clock);
        this.clock = clock;
        this.names = new AccountNames(directory);
        this.limits = new AddressAttemptLimits(clock);
    }

    @Override
    public SignInPolicy policy() {
        return policyStore.stored().orElse(defaultPolicy);
    }

    @Override
    public SignInPolicy changePolicy(SignInPolicy policy, RequestContext context) {
        var event = audit.begin(AuditEventType.SIGN_IN_POLICY_CHANGED, "", context).actor(Actor.system());
        return audit.run(event, () -> {
            policyStore.store(Objects.requireNonNull(policy, "policy"));
            return policy;
        });
    }

    @Override
    public Step start(Start cmd) {
        String username = requireUsername(cmd.username());
        if (cmd.preferred().isEmpty() || cmd.preferred().get().isBlank()) return offerChoice(username, cmd.context());
        String challenge = cmd.preferred().get().strip();
        requireAllowed(challenge, "PREFERRED_CHALLENGE");
        return begin(challenge, username, cmd.password(), cmd.srpA(), cmd.context());
    }

    /**
     * {@code SELECT_CHALLENGE}: the same answer for every name; the event ({@code FIRST_FACTOR_CHOICE_OFFERED})
     * says whose account it was, if any, and never holds the session.
     */
    private Step offerChoice(String username, RequestContext context) {
        var event = audit.begin(AuditEventType.FIRST_FACTOR_CHOICE_OFFERED, AccountNames.asGiven(username), context);
        return audit.run(event, () -> {
            List<String> available = availableTo(username);
            accountNamed(username).ifPresent(u -> event.account(Principal.of(u)));
            String session = EmailSignInCodes.newSession();
            Instant now = clock.instant();
            pending.save(new PendingSignIn(EmailSignInCodes.sessionDigest(session), normalised(username), Optional.empty(),
                    Optional.empty(), now.plus(CODE_LIFETIME), 0), now);
            return new SelectChallenge(available, session);
        });
    }

    /** The account {@code username} names (an address or an id), if there is one. */
    private Optional<User> accountNamed(String username) {
        try {
            return directory.find(names.addressOf(username));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_FOUND || e.code() == ErrorCode.INVALID_PARAMETER) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Step choose(Choice cmd) {
        String username = requireUsername(cmd.username());
        String session = requireSession(cmd.session());
        String digest = EmailSignInCodes.sessionDigest(session);
        PendingSignIn offered = pending.find(digest).filter(p -> !p.waitsForCode())
                .orElseThrow(() -> UserPoolException.notAuthorized(INVALID_SESSION));
        if (!sameName(offered, username)) throw UserPoolException.notAuthorized(INVALID_SESSION);
        if (!clock.instant().isBefore(offered.expiresAt())) {
            pending.take(digest);
            throw UserPoolException.notAuthorized(EXPIRED_SESSION);
        }
        String answer = cmd.answer() == null ? "" : cmd.answer().strip();
        if (answer.isEmpty()) throw UserPoolException.invalidParameter("ANSWER", "is required");
        if (!availableTo(username).contains(answer)) {
            throw UserPoolException.invalidParameter("ANSWER", answer + " is not one of the available challenges");
        }
        // a SELECT_CHALLENGE session chooses once
        if (!pending.take(digest)) throw UserPoolException.notAuthorized(INVALID_SESSION);
        return begin(answer, username, cmd.password(), cmd.srpA(), cmd.context());
    }

    private Step begin(String challenge, String username, Optional<String> password, Optional<String> srpA,
                       RequestContext context) {
        return switch (challenge) {
            case PASSWORD -> new PasswordResult(authentication.signInStep(new Authentication.SignInCommand(username,
                    password.filter(p -> !p.isEmpty()).orElseThrow(() -> UserPoolException.invalidParameter("PASSWORD", "is required")),
                    context)));
            case PASSWORD_SRP -> new PasswordVerifier(authentication.startSignIn(new Authentication.StartSignInCommand(username,
                    srpA.filter(a -> !a.isBlank()).orElseThrow(() -> UserPoolException.invalidParameter("SRP_A", "is required")),
                    context)));
            case EMAIL_OTP -> sendCode(username, context);
            case WEB_AUTHN -> new PasskeyChallenge(passkeys.startSignIn(username, context));
            default -> throw UserPoolException.invalidParameter("ChallengeName", "unknown challenge " + challenge);
        };
    }

    /** The challenges {@code username} may choose, in Cognito's order; the same for every name but WEB_AUTHN. */
    private List<String> availableTo(String username) {
        SignInPolicy policy = policy();
        List<String> available = new ArrayList<>();
        if (policy.allows(AuthFactor.WEB_AUTHN) && passkeys.offersPasskey(username)) available.add(WEB_AUTHN);
        if (policy.allows(AuthFactor.EMAIL_OTP)) available.add(EMAIL_OTP);
        available.add(PASSWORD);
        if (srpOffered) available.add(PASSWORD_SRP);
        return available;
    }

    private void requireAllowed(String challenge, String field) {
        AuthFactor factor = switch (challenge) {
            case PASSWORD, PASSWORD_SRP -> AuthFactor.PASSWORD;
            case EMAIL_OTP -> AuthFactor.EMAIL_OTP;
            case WEB_AUTHN -> AuthFactor.WEB_AUTHN;
            default -> throw UserPoolException.invalidParameter(field, "unknown challenge " + challenge
                    + " (this pool offers PASSWORD, PASSWORD_SRP, EMAIL_OTP and WEB_AUTHN)");
        };
        if (!policy().allows(factor)) {
            throw UserPoolException.invalidParameter(field, challenge + " is not allowed by this user pool's sign-in policy"
                    + " (AllowedFirstAuthFactors " + policy().allowedFirstFactors() + ")");
        }
        if (challenge.equals(PASSWORD_SRP) && !srpOffered) {
            throw UserPoolException.invalidParameter(field, "PASSWORD_SRP is not available: this pool keeps no SRP verifiers");
        }
    }

    /**
     * Emails a code when the name is an account that may sign in with a verified address; any other name
     * gets a challenge that looks the same and can never be answered. Counted per address (or name) alike.
     */
    private Step sendCode(String username, RequestContext context) {
        var event = audit.begin(AuditEventType.EMAIL_OTP_SENT, AccountNames.asGiven(username), context);
        return audit.run(event, () -> {
            Optional<User> account;
            EmailAddress shown;
            try {
                shown = names.addressOf(username);
                account = directory.find(shown);
            } catch (UserPoolException e) {
                if (e.code() != ErrorCode.USER_NOT_FOUND) throw e;
                account = Optional.empty();   // an id with no account: shown a made-up address
                shown = madeUpAddress(username);
            }
            event.email(shown.value());
            limits.take(AddressAttemptLimits.Action.EMAIL_SIGN_IN_CODE, account.map(u -> u.email().value()).orElse(shown.value()));
            account.ifPresent(u -> event.account(Principal.of(u)));
            boolean sends = account.map(u -> u.emailVerified() && u.canSignIn()).orElse(false);
            String session = EmailSignInCodes.newSession();
            String code = EmailSignInCodes.newCode();
            Instant now = clock.instant();
            if (sends) mailer.deliver(codeMessage(account.get().email(), code));
            pending.save(new PendingSignIn(EmailSignInCodes.sessionDigest(session), normalised(username),
                    sends ? account.map(User::id) : Optional.empty(), Optional.of(EmailSignInCodes.codeDigest(session, code)),
                    now.plus(CODE_LIFETIME), 0), now);
            if (!sends) event.becomes(AuditEventType.EMAIL_OTP_REFUSED);
            return new EmailOtpChallenge(CodeDelivery.email(shown), session);
        });
    }

    @Override
    public Tokens answerEmailCode(CodeAnswer cmd) {
        String username = cmd.username() == null ? "" : cmd.username().strip();
        var event = audit.begin(AuditEventType.EMAIL_OTP_SIGN_IN, AccountNames.asGiven(username), cmd.context());
        SignedIn signedIn = audit.run(event, () -> {
            requireUsername(username);
            String session = requireSession(cmd.session());
            String code = cmd.code() == null ? "" : cmd.code().strip();
            if (code.isEmpty()) throw UserPoolException.invalidParameter("EMAIL_OTP_CODE", "is required");
            String digest = EmailSignInCodes.sessionDigest(session);
            PendingSignIn waiting = pending.find(digest).filter(PendingSignIn::waitsForCode)
                    .orElseThrow(() -> UserPoolException.notAuthorized(INVALID_SESSION).passwordChecked(false));
            if (!sameName(waiting, username)) throw UserPoolException.notAuthorized(INVALID_SESSION).passwordChecked(false);
            waiting.account().ifPresent(event::user);
            if (!clock.instant().isBefore(waiting.expiresAt())) {
                pending.take(digest);
                throw new UserPoolException(ErrorCode.EXPIRED_CODE, EXPIRED_CODE).passwordChecked(false);
            }
            if (waiting.account().isPresent() && factors.locked(waiting.account().get())) {
                throw UserPoolException.notAuthorized("Password attempts exceeded").passwordChecked(false);
            }
            boolean right = EmailSignInCodes.matches(waiting.codeDigest().get(), session, code);
            if (!right || waiting.account().isEmpty()) {
                int wrong = pending.countWrongAnswer(digest);
                waiting.account().ifPresent(factors::countFailure);
                if (wrong >= WRONG_CODES_PER_SESSION) pending.take(digest);   // the code is dead
                throw new UserPoolException(ErrorCode.CODE_MISMATCH, WRONG_CODE);
            }
            // one use: of two answers racing, one takes it
            if (!pending.take(digest)) throw UserPoolException.notAuthorized(INVALID_SESSION).passwordChecked(false);
            SignedIn opened = cmd.context().clientId().map(factors::forClient).orElse(factors).signIn(waiting.account().get());
            event.account(opened.principal());   // a code, not a password: passwordChecked stays unsaid
            return opened;
        });
        return signedIn.tokens();
    }

    @Override
    public Tokens answerPasskey(PasskeyAnswer cmd) {
        requireAllowed(WEB_AUTHN, "ChallengeName");
        return passkeys.completeSignIn(requireUsername(cmd.username()), requireSession(cmd.session()),
                cmd.credentialJson() == null ? "" : cmd.credentialJson(), cmd.context());
    }

    /** The answer's name is the one the session was begun with, or (for a real account) its id. */
    private static boolean sameName(PendingSignIn p, String username) {
        String given = normalised(username);
        return p.username().equals(given) || p.account().map(UserId::value).map(given::equalsIgnoreCase).orElse(false);
    }

    private static String normalised(String username) {
        String n = username.strip();
        return n.contains("@") ? n.toLowerCase(Locale.ROOT) : n;
    }

    private static String requireUsername(String username) {
        if (username == null || username.isBlank()) throw UserPoolException.invalidParameter("USERNAME", "is required");
        return username.strip();
    }

    private static String requireSession(String session) {
        if (session == null || session.isBlank()) throw UserPoolException.invalidParameter("Session", "is required");
        return session.strip();
    }

    /** An address to show for an id that names no account: shaped like a real one, the same each time. */
    private static EmailAddress madeUpAddress(String id) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        int h = Math.abs(id.hashCode() % 676);
        return EmailAddress.parse(letters.charAt(h / 26) + "@" + letters.charAt(h % 26) + ".com");
    }

    private static EmailMessage codeMessage(EmailAddress to, String code) {
        String what = "Your sign-in code is " + code + ". It is valid for 3 minutes and works once.";
        String advice = "If you did not try to sign in, ignore this email: nobody signs in without the code.";
        return new EmailMessage(to, EmailMessage.Kind.SIGN_IN_CODE, "Your sign-in code", what + "\n\n" + advice + "\n",
                "<p>" + what + "</p><p>" + advice + "</p>", Optional.of(code));
    }
}
