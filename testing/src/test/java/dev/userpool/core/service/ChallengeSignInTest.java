package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.Authentication.ChallengeSignInCommand;
import dev.userpool.core.port.in.Authentication.StartSignInCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.testing.InMemoryAuthenticator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sign-in by challenge and answer (the embedded pool's SRP, through the SignInChallenges port): the
 * same outcome, event and enumeration protection as a password sign-in, whichever way the answer
 * names the account.
 */
class ChallengeSignInTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void aRightAnswerSignsInAndRecordsOneSignInEventForTheAccount() {
        User alice = core.signUpAndConfirm("alice@example.com");

        Tokens tokens = core.authentication.signIn(answer(alice.id().value(), "alice@example.com", PASSWORD));

        assertThat(core.authentication.currentUser(tokens.accessToken()).userId()).isEqualTo(alice.id());
        AuditEvent event = lastEvent();
        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
        assertThat(event.context()).isEqualTo(CONTEXT);
    }

    @Test
    void aWrongAnswerIsAFailedSignInInTheAccountsTrailEvenWhenNamedById() {
        User alice = core.signUpAndConfirm("alice@example.com");

        assertThatThrownBy(() -> core.authentication.signIn(answer(alice.id().value(), "alice@example.com", "Wrong-Horse-9")))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
                });

        AuditEvent event = lastEvent();
        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.errorCode()).contains(ErrorCode.NOT_AUTHORIZED);
        assertThat(event.userId()).contains(alice.id());
        assertThat(event.email()).isEqualTo("alice@example.com");
    }

    @Test
    void anUnconfirmedAccountIsToldSoAfterTheProof() {
        core.registration.signUp(new SignUpCommand("bob@example.com", PASSWORD, CONTEXT));

        assertThatThrownBy(() -> core.authentication.signIn(answer("bob@example.com", "bob@example.com", PASSWORD)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_CONFIRMED));
        assertThat(lastEvent().errorCode()).contains(ErrorCode.USER_NOT_CONFIRMED);
    }

    @Test
    void anUnknownAccountFailsLikeAWrongPasswordWhileTheEventKeepsTheTruth() {
        assertThatThrownBy(() -> core.authentication.signIn(answer("nobody@example.com", "nobody@example.com", PASSWORD)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
                });
        AuditEvent event = lastEvent();
        assertThat(event.errorCode()).contains(ErrorCode.USER_NOT_FOUND);
        assertThat(event.userId()).isEmpty();
        assertThat(event.email()).isEqualTo("nobody@example.com");
    }

    @Test
    void withoutEnumerationProtectionAnUnknownAccountIsUserNotFound() {
        CoreWithFakes open = CoreWithFakes.withoutEnumerationProtection();
        String session = open.authenticator.poseChallenge(email("nobody@example.com"));

        assertThatThrownBy(() -> open.authentication.signIn(new ChallengeSignInCommand("nobody@example.com",
                new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, session, Map.of("PASSWORD", PASSWORD)), CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }

    @Test
    void aSessionAnswersOnce() {
        core.signUpAndConfirm("alice@example.com");
        String session = core.authenticator.poseChallenge(email("alice@example.com"));
        ChallengeSignInCommand command = new ChallengeSignInCommand("alice@example.com",
                new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, session, Map.of("PASSWORD", PASSWORD)), CONTEXT);
        core.authentication.signIn(command);

        assertThatThrownBy(() -> core.authentication.signIn(command))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
        assertThat(lastEvent().outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void aNameThatIsNeitherAnAddressNorAnAccountStillRecordsTheAttempt() {
        core.signUpAndConfirm("alice@example.com");
        String session = core.authenticator.poseChallenge(email("alice@example.com"));

        // the authenticator decides; the event simply has no account to name
        core.authentication.signIn(new ChallengeSignInCommand("not-an-id-we-know",
                new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, session, Map.of("PASSWORD", PASSWORD)), CONTEXT));

        assertThat(lastEvent().email()).isEqualTo("alice@example.com");   // from the tokens
        assertThatThrownBy(() -> core.authentication.signIn(new ChallengeSignInCommand(" ",
                new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, session, Map.of()), CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void aCoreWithoutChallengesRefusesEveryAnswerAsAnInvalidFlow() {
        AuthenticationService passwordsOnly = new AuthenticationService(core.authenticator, core.tokens, core.directory,
                core.mailer, core.auditLog, dev.userpool.core.domain.PasswordPolicy.cognitoDefault(),
                UserEnumerationProtection.on(), core.clock, java.util.Optional.empty());

        assertThatThrownBy(() -> passwordsOnly.signIn(new ChallengeSignInCommand("alice@example.com",
                new ChallengeAnswer("PASSWORD_VERIFIER", "s", Map.of()), CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.getMessage()).contains("USER_SRP_AUTH");
                });
    }

    @Test
    void aPosedChallengeIsNoOutcomeYetAndTheAnswerToItSignsIn() {
        User alice = core.signUpAndConfirm("alice@example.com");
        int events = core.auditLog.size();

        PasswordVerifierChallenge challenge = core.authentication.startSignIn(
                new StartSignInCommand(" alice@example.com ", "abc123", CONTEXT));

        assertThat(core.auditLog.size()).as("no event until the answer").isEqualTo(events);
        assertThat(core.authenticator.lastCaller).as("the caller is the request's source address").isEqualTo(CONTEXT.sourceIp());
        assertThat(core.authentication.challengedName(challenge.secretBlock())).contains("alice@example.com");
        Tokens tokens = core.authentication.signIn(new ChallengeSignInCommand(challenge.username(),
                new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, challenge.secretBlock(), Map.of("PASSWORD", PASSWORD)), CONTEXT));
        assertThat(core.authentication.currentUser(tokens.accessToken()).userId()).isEqualTo(alice.id());
        assertThat(lastEvent().outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aRefusedStartIsTheFailedSignInItEnds() {
        AuthenticationService passwordsOnly = new AuthenticationService(core.authenticator, core.tokens, core.directory,
                core.mailer, core.auditLog, dev.userpool.core.domain.PasswordPolicy.cognitoDefault(),
                UserEnumerationProtection.on(), core.clock, java.util.Optional.empty());

        assertThatThrownBy(() -> passwordsOnly.startSignIn(new StartSignInCommand("alice@example.com", "abc123", CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThat(passwordsOnly.challengedName("any")).isEmpty();

        AuditEvent event = lastEvent();
        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(event.errorCode()).contains(ErrorCode.INVALID_PARAMETER);
        assertThat(event.email()).isEqualTo("alice@example.com");
    }

    @Test
    void aStartWithoutANameIsRefused() {
        assertThatThrownBy(() -> core.authentication.startSignIn(new StartSignInCommand("  ", "abc123", CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
        assertThat(lastEvent().outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void theAnswerNeverPrints() {
        ChallengeAnswer answer = new ChallengeAnswer("PASSWORD_VERIFIER", "session-secret",
                Map.of("PASSWORD_CLAIM_SIGNATURE", "signature-secret"));
        ChallengeSignInCommand command = new ChallengeSignInCommand("alice@example.com", answer, CONTEXT);

        assertThat(command.toString()).doesNotContain("session-secret").doesNotContain("signature-secret");
        assertThat(answer.required("PASSWORD_CLAIM_SIGNATURE")).isEqualTo("signature-secret");
        assertThatThrownBy(() -> answer.required("TIMESTAMP"))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.getMessage()).contains("TIMESTAMP"));
    }

    private AuditEvent lastEvent() {
        var all = core.auditLog.all();
        return all.get(all.size() - 1);
    }

    private ChallengeSignInCommand answer(String username, String challengedEmail, String password) {
        String session = core.authenticator.poseChallenge(email(challengedEmail));
        return new ChallengeSignInCommand(username,
                new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, session, Map.of("PASSWORD", password)), CONTEXT);
    }
}
