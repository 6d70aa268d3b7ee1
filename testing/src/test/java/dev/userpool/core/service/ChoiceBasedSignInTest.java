package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.ChoiceBasedSignIn.CodeAnswer;
import dev.userpool.core.port.in.ChoiceBasedSignIn.EmailOtpChallenge;
import dev.userpool.core.port.in.ChoiceBasedSignIn.SelectChallenge;
import dev.userpool.core.port.in.ChoiceBasedSignIn.Start;
import dev.userpool.core.port.in.SignInResult;
import dev.userpool.core.testing.InMemoryFactorSignIn;
import dev.userpool.core.testing.InMemoryPendingSignIns;
import dev.userpool.core.testing.InMemorySignInPolicyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choice-based sign-in (USER_AUTH) with emailed codes, and the guards around the codes. */
class ChoiceBasedSignInTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();
    private final InMemoryPendingSignIns pending = new InMemoryPendingSignIns();
    private final InMemoryFactorSignIn factors = new InMemoryFactorSignIn(core.directory, core.tokens);
    private final InMemorySignInPolicyStore policies = new InMemorySignInPolicyStore();
    private final ChoiceBasedSignIn signIn = new ChoiceBasedSignInService(core.authentication, new NoPasskeys(),
            core.directory, pending, factors, policies, SignInPolicy.allFactors(), true, core.mailer, core.auditLog, core.clock);

    private EmailOtpChallenge askCode(String username) {
        return (EmailOtpChallenge) signIn.start(new Start(username, Optional.of("EMAIL_OTP"), Optional.empty(),
                Optional.empty(), CONTEXT));
    }

    private String mailedCode(String address) {
        EmailMessage m = core.mailer.lastTo(email(address)).orElseThrow();
        assertThat(m.kind()).isEqualTo(EmailMessage.Kind.SIGN_IN_CODE);
        return m.oneTimeCode().orElseThrow();
    }

    private Tokens answer(String username, String session, String code) {
        return signIn.answerEmailCode(new CodeAnswer(username, session, code, CONTEXT));
    }

    private static ErrorCode codeOf(Runnable call) {
        try {
            call.run();
        } catch (UserPoolException e) {
            return e.code();
        }
        throw new AssertionError("the call should have failed");
    }

    private static String wrong(String code) {
        return CoreWithFakes.wrongCode(code);
    }

    @Test
    void anEightDigitCodeMailedToTheVerifiedAddressSignsIn() {
        User alice = core.signUpAndConfirm("alice@example.com");
        int before = core.auditLog.size();

        EmailOtpChallenge challenge = askCode("alice@example.com");
        String code = mailedCode("alice@example.com");
        Tokens tokens = answer("alice@example.com", challenge.session(), code);

        assertThat(code).matches("[0-9]{8}");
        assertThat(challenge.delivery().destination()).isEqualTo("a***@e***.com");
        assertThat(challenge.delivery().medium()).isEqualTo("EMAIL");
        assertThat(core.authentication.currentUser(tokens.idToken()).userId()).isEqualTo(alice.id());
        assertThat(core.eventsSince(before)).extracting(AuditEvent::type, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditEventType.EMAIL_OTP_SENT, Outcome.SUCCESS),
                org.assertj.core.groups.Tuple.tuple(AuditEventType.EMAIL_OTP_SIGN_IN, Outcome.SUCCESS));
        assertThat(core.eventsSince(before).get(1).userId()).contains(alice.id());
    }

    @Test
    void aCodeWorksOnce() {
        core.signUpAndConfirm("alice@example.com");
        EmailOtpChallenge challenge = askCode("alice@example.com");
        String code = mailedCode("alice@example.com");
        answer("alice@example.com", challenge.session(), code);

        assertThatThrownBy(() -> answer("alice@example.com", challenge.session(), code))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("Invalid session for the user.");
                });
    }

    @Test
    void threeWrongCodesKillTheSessionAndCountTowardTheLockout() {
        User alice = core.signUpAndConfirm("alice@example.com");
        EmailOtpChallenge challenge = askCode("alice@example.com");
        String code = mailedCode("alice@example.com");

        for (int i = 0; i < ChoiceBasedSignIn.WRONG_CODES_PER_SESSION; i++) {
            assertThat(codeOf(() -> answer("alice@example.com", challenge.session(), wrong(code)))).isEqualTo(ErrorCode.CODE_MISMATCH);
        }
        assertThat(codeOf(() -> answer("alice@example.com", challenge.session(), code))).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(factors.failuresOf(alice.id())).isEqualTo(3);
    }

    @Test
    void aLockedAccountIsRefusedEvenWithTheRightCode() {
        core.signUpAndConfirm("alice@example.com");
        for (int s = 0; s < 2; s++) {
            EmailOtpChallenge c = askCode("alice@example.com");
            String code = mailedCode("alice@example.com");
            for (int i = 0; i < 3; i++) codeOf(() -> answer("alice@example.com", c.session(), wrong(code)));
        }
        EmailOtpChallenge last = askCode("alice@example.com");
        String code = mailedCode("alice@example.com");
        assertThatThrownBy(() -> answer("alice@example.com", last.session(), code))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("Password attempts exceeded");
                });
    }

    @Test
    void aCodeExpiresAfterThreeMinutes() {
        core.signUpAndConfirm("alice@example.com");
        EmailOtpChallenge challenge = askCode("alice@example.com");
        String code = mailedCode("alice@example.com");
        core.clock.advance(Duration.ofMinutes(3));

        assertThat(codeOf(() -> answer("alice@example.com", challenge.session(), code))).isEqualTo(ErrorCode.EXPIRED_CODE);
        assertThat(codeOf(() -> answer("alice@example.com", challenge.session(), code))).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aSessionAnswersOnlyForItsOwnUser() {
        core.signUpAndConfirm("alice@example.com");
        core.signUpAndConfirm("bob@example.com");
        EmailOtpChallenge alices = askCode("alice@example.com");
        String code = mailedCode("alice@example.com");

        assertThat(codeOf(() -> answer("bob@example.com", alices.session(), code))).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        answer("alice@example.com", alices.session(), code);   // not used up by bob's try
    }

    @Test
    void anUnverifiedAddressGetsTheSameChallengeButNoCode() {
        core.seed("carol@example.com");   // confirmed by an administrator: the address is not proven
        int before = core.auditLog.size();

        EmailOtpChallenge challenge = askCode("carol@example.com");

        assertThat(challenge.delivery().destination()).isEqualTo("c***@e***.com");
        assertThat(core.mailer.deliveredTo(email("carol@example.com"))).isEmpty();
        assertThat(core.eventsSince(before)).extracting(AuditEvent::type).containsExactly(AuditEventType.EMAIL_OTP_REFUSED);
        assertThat(codeOf(() -> answer("carol@example.com", challenge.session(), "12345678"))).isEqualTo(ErrorCode.CODE_MISMATCH);
    }

    @Test
    void anUnknownNameGetsTheSameChallengeAndNoMail() {
        core.signUpAndConfirm("alice@example.com");
        EmailOtpChallenge known = askCode("alice@example.com");
        EmailOtpChallenge unknown = askCode("nobody@example.com");

        assertThat(unknown.delivery().medium()).isEqualTo(known.delivery().medium());
        assertThat(unknown.delivery().destination()).isEqualTo("n***@e***.com");
        assertThat(unknown.session()).hasSameSizeAs(known.session());
        assertThat(core.mailer.deliveredTo(email("nobody@example.com"))).isEmpty();
        assertThat(codeOf(() -> answer("nobody@example.com", unknown.session(), "12345678"))).isEqualTo(ErrorCode.CODE_MISMATCH);
    }

    @Test
    void theSixthCodeInAnHourIsRefusedForKnownAndUnknownAlike() {
        core.signUpAndConfirm("alice@example.com");
        for (int i = 0; i < 5; i++) {
            askCode("alice@example.com");
            askCode("nobody@example.com");
        }
        assertThat(codeOf(() -> askCode("alice@example.com"))).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(codeOf(() -> askCode("nobody@example.com"))).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(core.mailer.deliveredTo(email("alice@example.com"))).hasSize(5);
        core.clock.advance(Duration.ofHours(1));
        askCode("alice@example.com");
    }

    @Test
    void aFactorThePolicyDisallowsIsRefusedAndNotOffered() {
        core.signUpAndConfirm("alice@example.com");
        signIn.changePolicy(new SignInPolicy(EnumSet.of(AuthFactor.PASSWORD)), CONTEXT);

        assertThat(codeOf(() -> askCode("alice@example.com"))).isEqualTo(ErrorCode.INVALID_PARAMETER);
        SelectChallenge select = (SelectChallenge) signIn.start(new Start("alice@example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), CONTEXT));
        assertThat(select.available()).containsExactly("PASSWORD", "PASSWORD_SRP");
        assertThat(core.auditLog.all()).extracting(AuditEvent::type).contains(AuditEventType.SIGN_IN_POLICY_CHANGED);
        assertThat(codeOf(() -> new SignInPolicy(EnumSet.of(AuthFactor.EMAIL_OTP)))).isEqualTo(ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void selectChallengeThenPasswordSignsInAndTheSessionChoosesOnce() {
        core.signUpAndConfirm("alice@example.com");
        SelectChallenge select = (SelectChallenge) signIn.start(new Start("alice@example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), CONTEXT));
        assertThat(select.available()).containsExactly("EMAIL_OTP", "PASSWORD", "PASSWORD_SRP");

        var step = signIn.choose(new ChoiceBasedSignIn.Choice("alice@example.com", select.session(), "PASSWORD",
                Optional.of(PASSWORD), Optional.empty(), CONTEXT));
        assertThat(((ChoiceBasedSignIn.PasswordResult) step).result()).isInstanceOf(SignInResult.Completed.class);
        assertThat(codeOf(() -> signIn.choose(new ChoiceBasedSignIn.Choice("alice@example.com", select.session(), "PASSWORD",
                Optional.of(PASSWORD), Optional.empty(), CONTEXT)))).isEqualTo(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void selectChallengeThenEmailOtpMailsACode() {
        core.signUpAndConfirm("alice@example.com");
        SelectChallenge select = (SelectChallenge) signIn.start(new Start("alice@example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), CONTEXT));
        var step = (EmailOtpChallenge) signIn.choose(new ChoiceBasedSignIn.Choice("alice@example.com", select.session(),
                "EMAIL_OTP", Optional.empty(), Optional.empty(), CONTEXT));
        answer("alice@example.com", step.session(), mailedCode("alice@example.com"));
    }

    /** Issue 14: posing SELECT_CHALLENGE is an event, the same answer for every name, the event alone saying whose. */
    @Test
    void offeringTheChoiceIsAnEventThatSaysWhoseAccountItWasAndNoSession() {
        User alice = core.signUpAndConfirm("alice@example.com");
        int before = core.auditLog.size();

        SelectChallenge known = (SelectChallenge) signIn.start(new Start("alice@example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), CONTEXT));
        SelectChallenge byId = (SelectChallenge) signIn.start(new Start(alice.id().value(), Optional.empty(),
                Optional.empty(), Optional.empty(), CONTEXT));
        SelectChallenge unknown = (SelectChallenge) signIn.start(new Start("ghost@example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), CONTEXT));

        assertThat(unknown.available()).isEqualTo(known.available());
        var events = core.eventsSince(before);
        assertThat(events).extracting(AuditEvent::type).containsOnly(AuditEventType.FIRST_FACTOR_CHOICE_OFFERED);
        assertThat(events).extracting(AuditEvent::outcome).containsOnly(Outcome.SUCCESS);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).userId()).contains(alice.id());
        assertThat(events.get(0).email()).isEqualTo("alice@example.com");
        assertThat(events.get(1).userId()).contains(alice.id());
        assertThat(events.get(2).userId()).isEmpty();
        assertThat(events.get(2).email()).isEqualTo("ghost@example.com");
        for (AuditEvent e : events) {
            assertThat(e.toString()).doesNotContain(known.session(), byId.session(), unknown.session());
        }
    }
}
