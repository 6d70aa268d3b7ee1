package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.SignInChallenges;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignInChallenges} must do: pose a challenge to any name, sign in a right answer
 * once, and refuse the rest saying whether a password was tested and whose account it concerned.
 */
public abstract class SignInChallengesContract {
    protected static final String PASSWORD = "Correct-Horse-9";
    protected static final String CALLER = "192.0.2.10";

    protected abstract SignInChallenges challenges();

    /** A confirmed account with {@link #PASSWORD}, made through the adapter's directory. */
    protected abstract Principal confirmedAccount(String email);

    /** A client's first message ({@code SRP_A}) and, for the challenge it got, its answer with {@code password}. */
    protected abstract Client client();

    protected interface Client {
        String srpA();

        ChallengeAnswer answer(PasswordVerifierChallenge challenge, String password);
    }

    private static String newEmail() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aRightAnswerSignsInTheAccountTheChallengeNamed() {
        String email = newEmail();
        Principal account = confirmedAccount(email);
        Client client = client();

        PasswordVerifierChallenge challenge = challenges().pose(email, client.srpA(), CALLER);
        SignedIn signedIn = challenges().answer(client.answer(challenge, PASSWORD));

        assertThat(signedIn.principal().id()).isEqualTo(account.id());
        assertThat(signedIn.tokens().idToken()).isNotBlank();
    }

    @Test
    void thePendingChallengeKnowsTheNameItWasPosedFor() {
        String email = newEmail();
        confirmedAccount(email);

        PasswordVerifierChallenge challenge = challenges().pose(email, client().srpA(), CALLER);

        assertThat(challenges().challengedName(challenge.secretBlock())).contains(email);
        assertThat(challenges().challengedName("no-such-session")).isEmpty();
        assertThat(challenge.toString()).doesNotContain(challenge.secretBlock());
    }

    @Test
    void aWrongPasswordIsNotAuthorizedAndTestedAPasswordOfTheAccount() {
        String email = newEmail();
        Principal account = confirmedAccount(email);
        Client client = client();
        PasswordVerifierChallenge challenge = challenges().pose(email, client.srpA(), CALLER);

        UserPoolException e = assertRefused(() -> challenges().answer(client.answer(challenge, "Wrong-Horse-9")), ErrorCode.NOT_AUTHORIZED);

        assertThat(e.passwordChecked()).contains(true);
        assertThat(e.concerning().map(Principal::id)).contains(account.id());
    }

    @Test
    void aChallengeIsAnsweredOnceOnly() {
        String email = newEmail();
        confirmedAccount(email);
        Client client = client();
        PasswordVerifierChallenge challenge = challenges().pose(email, client.srpA(), CALLER);
        ChallengeAnswer answer = client.answer(challenge, PASSWORD);
        challenges().answer(answer);

        UserPoolException again = assertRefused(() -> challenges().answer(answer), ErrorCode.NOT_AUTHORIZED);

        assertThat(again.passwordChecked()).contains(false);
    }

    @Test
    void anUnknownSessionIsNotAuthorizedWithoutTestingAPassword() {
        UserPoolException e = assertRefused(() -> challenges().answer(new ChallengeAnswer(PasswordVerifierChallenge.NAME,
                "no-such-session", Map.of("USERNAME", "x", "PASSWORD_CLAIM_SECRET_BLOCK", "x", "TIMESTAMP", "x",
                        "PASSWORD_CLAIM_SIGNATURE", "x"))), ErrorCode.NOT_AUTHORIZED);

        assertThat(e.passwordChecked()).contains(false);
    }

    @Test
    void aNameWithoutAnAccountGetsAChallengeThatNoAnswerPasses() {
        Client client = client();
        String nobody = newEmail();

        PasswordVerifierChallenge challenge = challenges().pose(nobody, client.srpA(), CALLER);
        UserPoolException e = assertRefused(() -> challenges().answer(client.answer(challenge, PASSWORD)), ErrorCode.USER_NOT_FOUND);

        assertThat(challenge.salt()).isNotBlank();
        assertThat(e.passwordChecked()).contains(false);
        assertThat(e.concerning()).isEmpty();
    }
}
