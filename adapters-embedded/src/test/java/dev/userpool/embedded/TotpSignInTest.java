package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaMode;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.testing.Oathtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authenticator apps on the embedded directory (issue 14): enrolment and the sign-in's second step, with
 * codes from Debian's oathtool (never from our own TOTP code), on a clock the test controls.
 */
class TotpSignInTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteAuthenticator authenticator;
    private SqliteSoftwareTokens tokens;

    private void open(MfaMode mode) {
        bed = EmbeddedTestbed.open(dir);
        authenticator = new SqliteAuthenticator(bed.db, bed.hasher, bed.keys, bed.settings, bed.mailer, bed.clock, bed.srp, mode);
        tokens = SqliteSoftwareTokens.open(bed.db, mode, bed.clock);
    }

    @AfterEach
    void close() {
        if (bed != null) bed.close();
    }

    private String codeNow(SoftwareTokenSecret secret) {
        return Oathtool.code(secret.base32(), bed.clock.instant());
    }

    /** An account with its app verified and turned on; the clock then moves to the next step. */
    private SoftwareTokenSecret enrolled(User user) {
        SoftwareTokenSecret secret = tokens.associate(user.id());
        tokens.verify(user.id(), new TotpCode(codeNow(secret)));
        tokens.setPreference(user.id(), new SoftwareTokenPreference(true, true));
        bed.clock.advance(Duration.ofSeconds(30));
        return secret;
    }

    private MfaRequired challenged(EmailAddress email) {
        SignInStep step = authenticator.signInStep(email, EmbeddedTestbed.PASSWORD);
        assertThat(step).isInstanceOf(MfaRequired.class);
        return (MfaRequired) step;
    }

    private SignedIn answer(MfaRequired c, String code) {
        return authenticator.answerMfa(new MfaAnswer(c.user(), c.kind(), c.session(), Optional.of(new TotpCode(code))));
    }

    @Test
    void aVerifiedAppTurnedOnAsksItsCodeAfterThePasswordAndTheRightCodeSignsIn() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        User user = bed.confirmedUser(email);
        assertThat(authenticator.signInStep(email, EmbeddedTestbed.PASSWORD)).isInstanceOf(SignedIn.class);
        SoftwareTokenSecret secret = enrolled(user);
        assertThat(tokens.settings(user.id()).enabledFactors()).containsExactly("SOFTWARE_TOKEN_MFA");

        MfaRequired c = challenged(email);
        assertThat(c.kind()).isEqualTo(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
        assertThat(answer(c, codeNow(secret)).tokens().accessToken()).isNotBlank();
    }

    @Test
    void aVerifiedAppNotTurnedOnIsNotAskedInAnOptionalPoolButIsInAPoolThatRequiresMfa() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        User user = bed.confirmedUser(email);
        SoftwareTokenSecret secret = tokens.associate(user.id());
        tokens.verify(user.id(), new TotpCode(codeNow(secret)));
        assertThat(authenticator.signInStep(email, EmbeddedTestbed.PASSWORD)).isInstanceOf(SignedIn.class);

        SqliteAuthenticator required = new SqliteAuthenticator(bed.db, bed.hasher, bed.keys, bed.settings, bed.mailer,
                bed.clock, bed.srp, MfaMode.ON);
        assertThat(((MfaRequired) required.signInStep(email, EmbeddedTestbed.PASSWORD)).kind())
                .isEqualTo(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
    }

    @Test
    void aWrongCodeWhileSettingUpIsCognitosEnableSoftwareTokenMfaAndTheAppStaysUnverified() {
        open(MfaMode.OPTIONAL);
        User user = bed.confirmedUser(EmbeddedTestbed.newAddress());
        SoftwareTokenSecret secret = tokens.associate(user.id());
        String right = codeNow(secret);
        String wrong = right.equals("000000") ? "111111" : "000000";
        var e = assertRefused(() -> tokens.verify(user.id(), new TotpCode(wrong)), ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA);
        assertThat(e.getMessage()).isEqualTo("Code mismatch and fail enable Software Token MFA");
        assertThat(tokens.settings(user.id()).softwareTokenVerified()).isFalse();
        var notSetUp = assertRefused(() -> tokens.setPreference(user.id(), new SoftwareTokenPreference(true, true)),
                ErrorCode.INVALID_PARAMETER);
        assertThat(notSetUp.getMessage()).isEqualTo("User has not set up software token mfa");
    }

    @Test
    void aCodeIsAcceptedOnceAndAReplayWithinItsWindowIsAWrongCode() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        SoftwareTokenSecret secret = enrolled(bed.confirmedUser(email));
        String code = codeNow(secret);
        answer(challenged(email), code);

        bed.clock.advance(Duration.ofSeconds(10));   // same step, still within the window
        var e = assertRefused(() -> answer(challenged(email), code), ErrorCode.CODE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("Invalid code received for user");
    }

    @Test
    void codesOneStepAwayAreAcceptedAndTwoStepsAwayAreNot() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        SoftwareTokenSecret secret = enrolled(bed.confirmedUser(email));
        bed.clock.advance(Duration.ofMinutes(5));
        var now = bed.clock.instant();
        for (long steps : new long[] {-2, 2}) {
            String far = Oathtool.code(secret.base32(), now.plusSeconds(30 * steps));
            assertRefused(() -> answer(challenged(email), far), ErrorCode.CODE_MISMATCH);
        }
        answer(challenged(email), Oathtool.code(secret.base32(), now.minusSeconds(30)));
        answer(challenged(email), Oathtool.code(secret.base32(), now.plusSeconds(30)));
    }

    @Test
    void theSessionLastsThreeMinutesAndIsAnsweredOnce() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        SoftwareTokenSecret secret = enrolled(bed.confirmedUser(email));
        MfaRequired c = challenged(email);
        bed.clock.advance(Duration.ofMinutes(3));
        var expired = assertRefused(() -> answer(c, codeNow(secret)), ErrorCode.NOT_AUTHORIZED);
        assertThat(expired.getMessage()).isEqualTo("Invalid session for the user, session is expired.");

        MfaRequired once = challenged(email);
        String wrong = codeNow(secret).equals("000000") ? "111111" : "000000";
        assertRefused(() -> answer(once, wrong), ErrorCode.CODE_MISMATCH);
        var used = assertRefused(() -> answer(once, codeNow(secret)), ErrorCode.NOT_AUTHORIZED);
        assertThat(used.getMessage()).isEqualTo("Invalid session for the user.");
    }

    @Test
    void anotherAccountsSessionIsRefused() {
        open(MfaMode.OPTIONAL);
        EmailAddress alice = EmbeddedTestbed.newAddress();
        EmailAddress bob = EmbeddedTestbed.newAddress();
        enrolled(bed.confirmedUser(alice));
        SoftwareTokenSecret bobs = enrolled(bed.confirmedUser(bob));
        MfaRequired alices = challenged(alice);
        MfaRequired bobsChallenge = challenged(bob);
        var e = assertRefused(() -> authenticator.answerMfa(new MfaAnswer(bobsChallenge.user(), MfaRequired.Kind.SOFTWARE_TOKEN_MFA,
                alices.session(), Optional.of(new TotpCode(codeNow(bobs))))), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Invalid session for the user.");
    }

    @Test
    void wrongCodesCountTowardTheLockoutLikeWrongPasswordsAndARightPasswordDoesNotResetTheCount() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        SoftwareTokenSecret secret = enrolled(bed.confirmedUser(email));
        for (int i = 0; i < SignInLockout.FREE_FAILURES; i++) {
            String wrong = codeNow(secret).equals("000000") ? "111111" : "000000";
            assertRefused(() -> answer(challenged(email), wrong), ErrorCode.CODE_MISMATCH);
        }
        // five wrong codes: locked, the password too is refused now, without being checked
        var locked = assertRefused(() -> authenticator.signInStep(email, EmbeddedTestbed.PASSWORD), ErrorCode.NOT_AUTHORIZED);
        assertThat(locked.getMessage()).isEqualTo("Password attempts exceeded");
    }

    @Test
    void aPoolThatRequiresMfaAsksAnAccountWithoutAnAppToSetOneUp() {
        open(MfaMode.ON);
        EmailAddress email = EmbeddedTestbed.newAddress();
        User user = bed.confirmedUser(email);
        MfaRequired setup = challenged(email);
        assertThat(setup.kind()).isEqualTo(MfaRequired.Kind.MFA_SETUP);
        assertThat(authenticator.mfaSetupAccount(setup.session())).contains(user.id());
        MfaAnswer early = new MfaAnswer(user, MfaRequired.Kind.MFA_SETUP, setup.session(), Optional.empty());
        assertRefused(() -> authenticator.answerMfa(early), ErrorCode.SOFTWARE_TOKEN_MFA_NOT_FOUND);

        MfaRequired again = challenged(email);
        SoftwareTokenSecret secret = tokens.associate(authenticator.mfaSetupAccount(again.session()).orElseThrow());
        tokens.verify(user.id(), new TotpCode(codeNow(secret)));
        assertThat(authenticator.answerMfa(new MfaAnswer(user, MfaRequired.Kind.MFA_SETUP, again.session(), Optional.empty()))
                .tokens().idToken()).isNotBlank();
        bed.clock.advance(Duration.ofSeconds(30));
        assertThat(challenged(email).kind()).isEqualTo(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
    }

    @Test
    void aPoolThatRequiresMfaKeepsAVerifiedAppOnButLetsItsPreferenceChange() {
        open(MfaMode.ON);
        User user = bed.confirmedUser(EmbeddedTestbed.newAddress());
        enrolled(user);
        var refused = assertRefused(() -> tokens.setPreference(user.id(), new SoftwareTokenPreference(false, false)),
                ErrorCode.INVALID_PARAMETER);
        assertThat(refused.getMessage()).isEqualTo(dev.userpool.core.domain.MfaSettings.REQUIRED_BY_POOL);
        assertThat(tokens.settings(user.id()).softwareTokenPreferred()).as("nothing changed").isTrue();
        assertThat(tokens.setPreference(user.id(), new SoftwareTokenPreference(true, false)).softwareTokenEnabled()).isTrue();
        // an operator still removes the app: the account sets one up again at its next sign-in
        assertThat(tokens.remove(user.id())).isTrue();
    }

    @Test
    void secretsAreSealedAtRestUnderAnOwnerOnlyKeyFileAndNeverPrint() throws Exception {
        open(MfaMode.OPTIONAL);
        User user = bed.confirmedUser(EmbeddedTestbed.newAddress());
        SoftwareTokenSecret secret = tokens.associate(user.id());
        assertThat(secret.toString()).doesNotContain(secret.base32());
        Path key = dir.resolve(SecretSealer.KEY_FILE);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] stored = bed.db.read(c -> SoftwareTokenRows.of(c, user.id()).orElseThrow().pendingSecret().orElseThrow());
        byte[] raw = org.bouncycastle.util.encoders.Base32.decode(secret.base32());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1));
        // the database alone (another key file) opens no secret
        SecretSealer other = SecretSealer.ofKeyFile(dir.resolve("other.key"));
        assertRefused(() -> other.open(stored, user.id().value()), ErrorCode.SERVICE_UNAVAILABLE);
        // nor is a secret sealed for one account usable by another
        assertRefused(() -> SecretSealer.beside(bed.db).open(stored, "someone-else"), ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void aRemovedAppIsNoLongerAskedAndMfaOffAsksNothing() {
        open(MfaMode.OPTIONAL);
        EmailAddress email = EmbeddedTestbed.newAddress();
        User user = bed.confirmedUser(email);
        enrolled(user);
        assertThat(tokens.remove(user.id())).isTrue();
        assertThat(authenticator.signInStep(email, EmbeddedTestbed.PASSWORD)).isInstanceOf(SignedIn.class);

        enrolled(user);
        SqliteAuthenticator off = new SqliteAuthenticator(bed.db, bed.hasher, bed.keys, bed.settings, bed.mailer,
                bed.clock, bed.srp, MfaMode.OFF);
        assertThat(off.signInStep(email, Password.of("Correct-Horse-9"))).isInstanceOf(SignedIn.class);
    }
}
