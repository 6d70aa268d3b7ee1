package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.srp.SrpVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code USER_SRP_AUTH} on the embedded pool: verifiers follow the password, the two steps sign in
 * under the password's rules (lockout, unconfirmed, disabled), and the challenge's own rules (single
 * use, 3 minutes, TIMESTAMP) hold. Driven by a plain client written from DESIGN §6 ({@link SrpTestClient}).
 */
class SrpSignInTest {
    private static final String PASSWORD = EmbeddedTestbed.PASSWORD.reveal();
    private static final Password NEW_PASSWORD = Password.of("Battery-Staple-7");

    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private final EmailAddress email = new EmailAddress("rider@example.com");

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void signUpStoresAVerifierOfThePasswordForTheSub() {
        User user = bed.confirmedUser(email);

        SrpVerifier verifier = storedVerifier(user.id()).orElseThrow();
        assertThat(verifier.userIdForSrp()).isEqualTo(user.id().value());
        assertThat(verifier.poolName()).isEqualTo("Testpool1");
        assertThat(verifier.matches(PASSWORD)).isTrue();
        assertThat(verifier.matches("Correct-Horse-8")).isFalse();
    }

    @Test
    void theTwoStepsGiveTokensOfTheAccount() {
        User user = bed.confirmedUser(email);
        SrpTestClient client = client();

        SrpServer.Challenge challenge = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        assertThat(challenge.userIdForSrp()).isEqualTo(user.id().value());
        assertThat(challenge.username()).isEqualTo(user.id().value());
        assertThat(challenge.salt()).isEqualTo(storedVerifier(user.id()).orElseThrow().saltHex());
        Tokens tokens = bed.authenticator.answerChallenge(client.answer(challenge, PASSWORD, bed.clock.instant())).tokens();

        VerifiedToken id = bed.verifier.verify(tokens.idToken());
        assertThat(id.userId()).isEqualTo(user.id());
        assertThat(id.email()).contains(email);
        assertThat(tokens.refreshToken()).isPresent();
        assertThat(bed.authenticator.refresh(tokens.refreshToken().orElseThrow()).tokens().idToken()).isNotBlank();
    }

    @Test
    void theChallengeMayBeBegunWithTheSubAndAnsweredWithTheAddress() {
        User user = bed.confirmedUser(email);
        SrpTestClient client = client();
        SrpServer.Challenge challenge = bed.srp.begin(user.id().value(), client.srpA(), "127.0.0.1");

        Tokens tokens = bed.authenticator.answerChallenge(client.answer(challenge, PASSWORD,
                dev.userpool.srp.CognitoTimestamp.format(bed.clock.instant()), user.id().value())).tokens();
        assertThat(bed.verifier.verify(tokens.accessToken()).userId()).isEqualTo(user.id());

        SrpTestClient other = client();
        SrpServer.Challenge byAddress = bed.srp.begin("RIDER@example.com", other.srpA(), "127.0.0.1");
        assertThat(bed.srp.challengedName(byAddress.secretBlock())).contains("RIDER@example.com");
        assertThat(bed.authenticator.answerChallenge(other.answer(byAddress, PASSWORD,
                dev.userpool.srp.CognitoTimestamp.format(bed.clock.instant()), "rider@example.com")).tokens().idToken()).isNotBlank();
    }

    @Test
    void aWrongPasswordIsIncorrectAndCountsTowardTheLockout() {
        bed.confirmedUser(email);

        for (int i = 0; i < SignInLockout.FREE_FAILURES; i++) {
            var e = assertRefused(() -> srpSignIn("Wrong-Horse-9"), ErrorCode.NOT_AUTHORIZED);
            assertThat(e.getMessage()).isEqualTo("Incorrect username or password.");
        }
        var locked = assertRefused(() -> srpSignIn(PASSWORD), ErrorCode.NOT_AUTHORIZED);
        assertThat(locked.getMessage()).isEqualTo("Password attempts exceeded");
        // the password path shares the same count
        assertThat(assertRefused(() -> bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens(), ErrorCode.NOT_AUTHORIZED)
                .getMessage()).isEqualTo("Password attempts exceeded");

        bed.clock.advance(SignInLockout.MAX_LOCK);
        assertThat(srpSignIn(PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void aChallengeIsAnsweredOnceAndOnlyWithinThreeMinutes() {
        bed.confirmedUser(email);
        SrpTestClient client = client();
        SrpServer.Challenge challenge = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        ChallengeAnswer answer = client.answer(challenge, PASSWORD, bed.clock.instant());
        bed.authenticator.answerChallenge(answer).tokens();

        assertThat(assertRefused(() -> bed.authenticator.answerChallenge(answer).tokens(), ErrorCode.NOT_AUTHORIZED).getMessage())
                .isEqualTo("Invalid session for the user.");

        SrpServer.Challenge late = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        bed.clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(assertRefused(() -> bed.authenticator.answerChallenge(client.answer(late, PASSWORD, bed.clock.instant())).tokens(),
                ErrorCode.NOT_AUTHORIZED).getMessage()).isEqualTo("Invalid session for the user, session is expired.");

        SrpServer.Challenge inTime = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        bed.clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThat(bed.authenticator.answerChallenge(client.answer(inTime, PASSWORD, bed.clock.instant())).tokens().idToken()).isNotBlank();
    }

    @Test
    void aTimestampOutsideFiveMinutesOrNotInCognitosFormatIsRefusedWithoutCounting() {
        bed.confirmedUser(email);
        SrpTestClient client = client();
        for (Duration skew : new Duration[] {Duration.ofMinutes(5).plusSeconds(1), Duration.ofMinutes(-5).minusSeconds(1)}) {
            for (int i = 0; i < 3; i++) {   // six refusals in all: more than the free failures
                SrpServer.Challenge challenge = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
                assertThat(assertRefused(() -> bed.authenticator.answerChallenge(
                        client.answer(challenge, PASSWORD, bed.clock.instant().plus(skew))).tokens(), ErrorCode.NOT_AUTHORIZED).getMessage())
                        .isEqualTo("Incorrect username or password.");
            }
        }
        bed.clock.set(java.time.Instant.parse("2030-01-05T10:00:00Z"));   // a single-digit day
        SrpServer.Challenge padded = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        assertRefused(() -> bed.authenticator.answerChallenge(client.answer(padded, PASSWORD, "Sat Jan 05 10:00:00 UTC 2030",
                padded.userIdForSrp())).tokens(), ErrorCode.NOT_AUTHORIZED);

        SrpServer.Challenge edge = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        assertThat(bed.authenticator.answerChallenge(client.answer(edge, PASSWORD,
                bed.clock.instant().plus(Duration.ofMinutes(5)).minusSeconds(1))).tokens().idToken())
                .as("just inside the window, and no lockout from the refusals above").isNotBlank();
    }

    @Test
    void anotherUsernameOrSecretBlockIsRefused() {
        bed.confirmedUser(email);
        SrpTestClient client = client();
        SrpServer.Challenge challenge = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        ChallengeAnswer right = client.answer(challenge, PASSWORD, bed.clock.instant());

        Map<String, String> otherUser = new HashMap<>(right.answers());
        otherUser.put("USERNAME", "6a6f1f7e-0000-4000-8000-000000000000");
        assertRefused(() -> bed.authenticator.answerChallenge(new ChallengeAnswer(PasswordVerifierChallenge.NAME, challenge.secretBlock(),
                otherUser)).tokens(), ErrorCode.NOT_AUTHORIZED);

        SrpServer.Challenge second = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        Map<String, String> otherBlock = new HashMap<>(client.answer(second, PASSWORD, bed.clock.instant()).answers());
        otherBlock.put("PASSWORD_CLAIM_SECRET_BLOCK", challenge.secretBlock());
        assertRefused(() -> bed.authenticator.answerChallenge(new ChallengeAnswer(PasswordVerifierChallenge.NAME, second.secretBlock(),
                otherBlock)).tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anUnknownNameGetsAStableLifelikeChallengeAndThenUserNotFound() {
        SrpTestClient client = client();

        SrpServer.Challenge first = bed.srp.begin("nobody@example.com", client.srpA(), "127.0.0.1");
        SrpServer.Challenge again = bed.srp.begin("NOBODY@example.com", client.srpA(), "127.0.0.1");
        SrpServer.Challenge other = bed.srp.begin("somebody@example.com", client.srpA(), "127.0.0.1");

        assertThat(first.userIdForSrp()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(first.salt()).hasSize(32).isEqualTo(again.salt()).isNotEqualTo(other.salt());
        assertThat(first.userIdForSrp()).isEqualTo(again.userIdForSrp()).isNotEqualTo(other.userIdForSrp());
        assertThat(first.srpB()).isNotEqualTo(again.srpB());
        assertRefused(() -> bed.authenticator.answerChallenge(client.answer(first, PASSWORD, bed.clock.instant())).tokens(),
                ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void anUnconfirmedAccountIsToldSoOnlyAfterTheProofAndADisabledOneIsRefused() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false);
        assertRefused(() -> srpSignIn("Wrong-Horse-9"), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> srpSignIn(PASSWORD), ErrorCode.USER_NOT_CONFIRMED);

        confirmByAdmin(bed.directory, email);
        disable(bed.directory, email);
        assertThat(assertRefused(() -> srpSignIn(PASSWORD), ErrorCode.NOT_AUTHORIZED).getMessage()).isEqualTo("User is disabled.");
    }

    @Test
    void resetAndChangeReplaceTheVerifier() {
        User user = bed.confirmedUser(email);
        bed.authenticator.forgotPassword(email);
        bed.authenticator.confirmForgotPassword(email, ConfirmationCode.parse(bed.lastResetCode(email)), NEW_PASSWORD);

        assertRefused(() -> srpSignIn(PASSWORD), ErrorCode.NOT_AUTHORIZED);
        Tokens tokens = srpSignIn(NEW_PASSWORD.reveal());

        bed.authenticator.changePassword(tokens.accessToken(), NEW_PASSWORD, EmbeddedTestbed.PASSWORD);
        assertRefused(() -> srpSignIn(NEW_PASSWORD.reveal()), ErrorCode.NOT_AUTHORIZED);
        assertThat(srpSignIn(PASSWORD).idToken()).isNotBlank();
        assertThat(storedVerifier(user.id()).orElseThrow().matches(PASSWORD)).isTrue();
    }

    @Test
    void anAccountFromBeforeSrpGetsItsVerifierAtItsNextPasswordSignIn() {
        bed.close();
        EmbeddedTestbed before = EmbeddedTestbed.open(dir, SrpSettings.off(EmbeddedTestbed.POOL_ID), bed.clock);
        User user = before.confirmedUser(email);
        assertThat(storedVerifier(before, user.id())).isEmpty();
        before.close();
        bed = EmbeddedTestbed.open(dir, SrpSettings.on(EmbeddedTestbed.POOL_ID), bed.clock);

        for (int i = 0; i < SignInLockout.FREE_FAILURES + 1; i++) {
            assertThat(assertRefused(() -> srpSignIn(PASSWORD), ErrorCode.NOT_AUTHORIZED).getMessage())
                    .isEqualTo("Incorrect username or password.");
        }
        bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();   // not locked: no password was tested above

        assertThat(storedVerifier(user.id()).orElseThrow().matches(PASSWORD)).isTrue();
        assertThat(srpSignIn(PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void aRenamedPoolsVerifiersCountAsMissingUntilTheNextPasswordSignIn() {
        User user = bed.confirmedUser(email);
        bed.close();
        bed = EmbeddedTestbed.open(dir, SrpSettings.on("local_Renamed2"), bed.clock);

        assertThat(storedVerifier(user.id())).isEmpty();
        assertRefused(() -> srpSignIn(PASSWORD), ErrorCode.NOT_AUTHORIZED);
        bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        assertThat(storedVerifier(user.id()).orElseThrow().poolName()).isEqualTo("Renamed2");
        assertThat(srpSignIn(PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void turnedOffItRefusesTheFlowStoresNothingAndForgetsWhatWasStored() {
        User early = bed.confirmedUser(email);
        bed.close();
        bed = EmbeddedTestbed.open(dir, SrpSettings.off(EmbeddedTestbed.POOL_ID), bed.clock);

        assertThat(storedVerifier(early.id())).isEmpty();
        var e = assertRefused(() -> bed.srp.begin(email.value(), client().srpA(), "127.0.0.1"), ErrorCode.INVALID_PARAMETER);
        assertThat(e.getMessage()).contains("USER_SRP_AUTH").contains("USERPOOL_SRP=off");
        User later = bed.confirmedUser(new EmailAddress("later@example.com"));
        assertThat(storedVerifier(later.id())).isEmpty();
        assertThat(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().idToken()).as("passwords still work").isNotBlank();
        assertThat(storedVerifier(early.id())).as("nor does a password sign-in make one").isEmpty();
    }

    @Test
    void anAThatIsZeroModNOrNotHexIsInvalid() {
        bed.confirmedUser(email);
        assertRefused(() -> bed.srp.begin(email.value(), dev.userpool.srp.SrpGroup.N.toString(16), "127.0.0.1"), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> bed.srp.begin(email.value(), "0", "127.0.0.1"), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> bed.srp.begin(email.value(), "not hex", "127.0.0.1"), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void theChallengeNeverPrintsItsSecretBlock() {
        bed.confirmedUser(email);
        SrpServer.Challenge challenge = bed.srp.begin(email.value(), client().srpA(), "127.0.0.1");
        assertThat(challenge.toString()).doesNotContain(challenge.secretBlock());
    }

    private Tokens srpSignIn(String password) {
        SrpTestClient client = client();
        SrpServer.Challenge challenge = bed.srp.begin(email.value(), client.srpA(), "127.0.0.1");
        return bed.authenticator.answerChallenge(client.answer(challenge, password, bed.clock.instant())).tokens();
    }

    private SrpTestClient client() {
        return new SrpTestClient("local_" + bed.srp.poolNameForTests());
    }

    private Optional<SrpVerifier> storedVerifier(UserId id) {
        return storedVerifier(bed, id);
    }

    private static Optional<SrpVerifier> storedVerifier(EmbeddedTestbed on, UserId id) {
        // whatever pool name it was made for
        return on.db.read(c -> {
            try (var p = c.prepareStatement("SELECT srp_pool FROM users WHERE id = ?")) {
                p.setString(1, id.value());
                try (var rs = p.executeQuery()) {
                    String pool = rs.next() ? rs.getString(1) : null;
                    return pool == null ? Optional.<SrpVerifier>empty() : SrpVerifierRows.find(c, id, pool);
                }
            }
        }).filter(v -> v.poolName().equals(on.srp.poolNameForTests()));
    }
}
