package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token shape, sessions and password resets of {@link SqliteAuthenticator}, driven by the test's clock. */
class SqliteAuthenticatorTest {
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

    private static SignedJWT parse(String token) throws ParseException {
        return SignedJWT.parse(token);
    }

    @Test
    void theIdTokenCarriesCognitosClaims() throws ParseException {
        User user = bed.confirmedUser(email);
        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        SignedJWT jwt = parse(tokens.idToken());
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        long now = bed.clock.instant().getEpochSecond();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(bed.keys.currentKeyId());
        assertThat(c.getSubject()).isEqualTo(user.id().value());
        assertThat(c.getAudience()).containsExactly("userpool-local");
        assertThat(c.getStringClaim("email")).isEqualTo("rider@example.com");
        assertThat(c.getBooleanClaim("email_verified")).isTrue();
        assertThat(c.getStringClaim("token_use")).isEqualTo("id");
        assertThat(c.getLongClaim("auth_time")).isEqualTo(now);
        assertThat(c.getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(c.getStringClaim("cognito:username")).isEqualTo(user.id().value());
        assertThat(c.getIssueTime()).isEqualTo(new Date(now * 1000));
        assertThat(c.getExpirationTime()).isEqualTo(new Date((now + 3600) * 1000));
        assertThat(c.getJWTID()).isNotBlank();
        assertThat(c.getStringClaim("origin_jti")).isNotBlank();
        assertThat(c.getStringClaim("event_id")).isNotBlank();
        assertThat(c.getClaim("cognito:groups")).isNull();
        assertThat(c.getClaims().keySet()).containsExactlyInAnyOrder("sub", "aud", "email", "email_verified",
                "token_use", "auth_time", "iss", "cognito:username", "exp", "iat", "jti", "origin_jti", "event_id");
    }

    @Test
    void theAccessTokenCarriesCognitosClaims() throws ParseException {
        User user = bed.confirmedUser(email);
        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        JWTClaimsSet c = parse(tokens.accessToken()).getJWTClaimsSet();
        JWTClaimsSet id = parse(tokens.idToken()).getJWTClaimsSet();
        assertThat(c.getSubject()).isEqualTo(user.id().value());
        assertThat(c.getStringClaim("client_id")).isEqualTo("userpool-local");
        assertThat(c.getStringClaim("username")).isEqualTo(user.id().value());
        assertThat(c.getStringClaim("token_use")).isEqualTo("access");
        assertThat(c.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
        assertThat(c.getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(c.getClaims().keySet()).containsExactlyInAnyOrder("sub", "client_id", "username", "token_use",
                "scope", "auth_time", "iss", "exp", "iat", "jti", "origin_jti", "event_id");
        // one sign-in: the same origin and event, each token its own id
        assertThat(c.getStringClaim("origin_jti")).isEqualTo(id.getStringClaim("origin_jti"));
        assertThat(c.getStringClaim("event_id")).isEqualTo(id.getStringClaim("event_id"));
        assertThat(c.getJWTID()).isNotEqualTo(id.getJWTID());
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anAdminByConfigurationGetsTheAdminsGroupInBothTokens() throws ParseException {
        bed.close();
        EmbeddedSettings settings = new EmbeddedSettings(URI.create("https://pool.example.com/"), "my-client",
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(1), new AdminPolicy(Set.of(email)), false);
        bed = EmbeddedTestbed.open(dir, settings);
        bed.confirmedUser(email);

        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        JWTClaimsSet access = parse(tokens.accessToken()).getJWTClaimsSet();
        assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admins");
        assertThat(parse(tokens.idToken()).getJWTClaimsSet().getStringListClaim("cognito:groups")).containsExactly("admins");
        assertThat(access.getIssuer()).isEqualTo("https://pool.example.com");
        assertThat(access.getStringClaim("client_id")).isEqualTo("my-client");
        assertThat(access.getExpirationTime().toInstant()).isEqualTo(bed.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bed.verifier.verify(tokens.accessToken()).groups()).containsExactly("admins");
    }

    @Test
    void anAdminConfirmedAccountSignsInWithAnUnverifiedAddress() throws ParseException {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false);
        confirmByAdmin(bed.directory, email);

        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        assertThat(parse(tokens.idToken()).getJWTClaimsSet().getBooleanClaim("email_verified")).isFalse();
    }

    @Test
    void anUnknownAddressCostsOneHashLikeAKnownOne() {
        PasswordHasherTest.CountingEngine engine = new PasswordHasherTest.CountingEngine(0);
        PasswordHasher counting = new PasswordHasher(engine, EmbeddedTestbed.CHEAP, 1);
        SqliteAuthenticator authenticator = new SqliteAuthenticator(bed.db, counting, bed.keys, bed.settings,
                bed.mailer, bed.clock);

        assertRefused(() -> authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens(), ErrorCode.USER_NOT_FOUND);

        assertThat(engine.verifications.get()).isEqualTo(1);
    }

    /**
     * A wrong password for an account deleted while it was being checked answers like an unknown
     * account. Before the fix the failure row broke its foreign key: "The embedded database failed."
     */
    @Test
    void aWrongPasswordForAnAccountDeletedMeanwhileAnswersLikeAnUnknownAccount() throws Exception {
        bed.confirmedUser(email);
        java.util.concurrent.CountDownLatch checking = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
        PasswordHasher slow = new PasswordHasher(new PasswordHasherTest.CountingEngine(0) {
            @Override
            public boolean verify(String phc, byte[] password) {
                checking.countDown();
                try {
                    deleted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }, EmbeddedTestbed.CHEAP, 1);
        SqliteAuthenticator authenticator = new SqliteAuthenticator(bed.db, slow, bed.keys, bed.settings, bed.mailer, bed.clock);
        var signIn = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                authenticator.signIn(email, Password.of("Wrong-Horse-9!")).tokens();
                return null;
            } catch (UserPoolException e) {
                return e;
            }
        });
        checking.await();
        bed.directory.delete(email);
        deleted.countDown();

        UserPoolException refused = signIn.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.USER_NOT_FOUND);
        assertThat(refused.passwordChecked()).contains(true);
        slow.close();
    }

    @Test
    void refreshedTokensKeepTheSignInsAuthTimeOriginAndEvent() throws ParseException {
        bed.confirmedUser(email);
        Tokens first = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        bed.clock.advance(Duration.ofMinutes(50));

        Tokens refreshed = bed.authenticator.refresh(first.refreshToken().orElseThrow()).tokens();

        JWTClaimsSet before = parse(first.idToken()).getJWTClaimsSet();
        JWTClaimsSet after = parse(refreshed.idToken()).getJWTClaimsSet();
        assertThat(after.getLongClaim("auth_time")).isEqualTo(before.getLongClaim("auth_time"));
        assertThat(after.getStringClaim("origin_jti")).isEqualTo(before.getStringClaim("origin_jti"));
        assertThat(after.getStringClaim("event_id")).isEqualTo(before.getStringClaim("event_id"));
        assertThat(after.getJWTID()).isNotEqualTo(before.getJWTID());
        assertThat(after.getIssueTime().toInstant()).isEqualTo(bed.clock.instant());
        assertThat(refreshed.refreshToken()).isEmpty();
    }

    @Test
    void aRefreshTokenIsARandom256BitValueStoredOnlyAsADigest() {
        bed.confirmedUser(email);
        String refresh = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().refreshToken().orElseThrow();

        assertThat(refresh).matches("[A-Za-z0-9_-]{43}");
        byte[] stored = bed.db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT refresh_digest FROM sessions")) {
                rs.next();
                return rs.getBytes(1);
            }
        });
        assertThat(stored).isEqualTo(OpaqueTokens.digest(refresh));
    }

    @Test
    void aRefreshTokenLastsThirtyDays() {
        bed.confirmedUser(email);
        String refresh = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().refreshToken().orElseThrow();

        bed.clock.advance(Duration.ofDays(30).minusSeconds(1));
        bed.authenticator.refresh(refresh).tokens();
        bed.clock.advance(Duration.ofSeconds(1));

        var e = assertRefused(() -> bed.authenticator.refresh(refresh).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Invalid Refresh Token").doesNotContain(refresh);
    }

    @Test
    void aDisabledAccountCannotRefresh() {
        bed.confirmedUser(email);
        String refresh = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().refreshToken().orElseThrow();
        disable(bed.directory, email);

        assertRefused(() -> bed.authenticator.refresh(refresh).tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void signingOutAndInWithinTheSameSecondKeepsOnlyTheNewSession() {
        bed.confirmedUser(email);
        Tokens old = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        bed.authenticator.globalSignOut(old.accessToken());
        Tokens fresh = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();   // same clock instant

        assertRefused(() -> bed.verifier.verify(old.idToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(bed.verifier.verify(fresh.idToken()).email()).contains(email);
        assertThat(bed.verifier.verify(fresh.accessToken()).userId()).isEqualTo(bed.verifier.verify(fresh.idToken()).userId());
    }

    @Test
    void globalSignOutNeedsAnAccessTokenNotAnIdToken() {
        bed.confirmedUser(email);
        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        assertRefused(() -> bed.authenticator.globalSignOut(tokens.idToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(bed.verifier.verify(tokens.accessToken()).userId()).isNotNull();
    }

    @Test
    void changingThePasswordKeepsTheCallersOwnSession() {
        bed.confirmedUser(email);
        Tokens here = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        bed.authenticator.changePassword(here.accessToken(), EmbeddedTestbed.PASSWORD, NEW_PASSWORD);

        assertThat(bed.verifier.verify(here.accessToken()).userId()).isNotNull();
        assertThat(bed.authenticator.refresh(here.refreshToken().orElseThrow()).tokens().idToken()).isNotBlank();
    }

    @Test
    void theResetCodeEmailIsComposedAndValidForOneHour() {
        bed.confirmedUser(email);

        assertThat(bed.authenticator.forgotPassword(email).destination()).isEqualTo("r***@e***.com");

        EmailMessage sent = bed.mailer.lastTo(email, EmailMessage.Kind.PASSWORD_RESET_CODE).orElseThrow();
        assertThat(sent.subject()).isEqualTo("Your password reset code");
        assertThat(sent.oneTimeCode().orElseThrow()).matches("\\d{6}");
        assertThat(sent.textBody()).contains(sent.oneTimeCode().get()).contains("1 hour");
        ConfirmationCode code = ConfirmationCode.parse(sent.oneTimeCode().get());

        bed.clock.advance(Duration.ofHours(1));
        var e = assertRefused(() -> bed.authenticator.confirmForgotPassword(email, code, NEW_PASSWORD), ErrorCode.EXPIRED_CODE);
        assertThat(e.getMessage()).isEqualTo("Invalid code provided, please request a code again.");
        assertThat(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().idToken()).isNotBlank();
    }

    @Test
    void aResetCodeJustInsideTheHourWorks() {
        bed.confirmedUser(email);
        bed.authenticator.forgotPassword(email);
        ConfirmationCode code = ConfirmationCode.parse(bed.lastResetCode(email));

        bed.clock.advance(Duration.ofMinutes(59));
        bed.authenticator.confirmForgotPassword(email, code, NEW_PASSWORD);

        assertThat(bed.authenticator.signIn(email, NEW_PASSWORD).tokens().idToken()).isNotBlank();
    }

    @Test
    void aNewResetCodeReplacesTheOldOne() {
        bed.confirmedUser(email);
        bed.authenticator.forgotPassword(email);
        String old = bed.lastResetCode(email);
        String fresh;
        do {
            bed.authenticator.forgotPassword(email);
            fresh = bed.lastResetCode(email);
        } while (fresh.equals(old));

        assertRefused(() -> bed.authenticator.confirmForgotPassword(email, ConfirmationCode.parse(old), NEW_PASSWORD),
                ErrorCode.CODE_MISMATCH);
    }

    @Test
    void aSignUpCodeIsNoResetCode() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode signUpCode = ConfirmationCode.parse(bed.lastSignUpCode(email));

        assertRefused(() -> bed.authenticator.confirmForgotPassword(email, signUpCode, NEW_PASSWORD),
                ErrorCode.CODE_MISMATCH);
    }

    @Test
    void fiveResetRequestsAnHourThenLimitExceeded() {
        bed.confirmedUser(email);
        for (int i = 0; i < 5; i++) bed.authenticator.forgotPassword(email);

        var e = assertRefused(() -> bed.authenticator.forgotPassword(email), ErrorCode.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("Attempt limit exceeded, please try after some time.");

        bed.clock.advance(Duration.ofHours(1));
        bed.authenticator.forgotPassword(email);
    }

    @Test
    void resetCodeGuessesAreLimitedTooSoNoCodeCanBeGuessedWithinItsHour() {
        bed.confirmedUser(email);
        bed.authenticator.forgotPassword(email);
        String right = bed.lastResetCode(email);
        ConfirmationCode wrong = ConfirmationCode.parse(right.equals("000000") ? "000001" : "000000");
        for (int i = 0; i < 15; i++) {
            assertRefused(() -> bed.authenticator.confirmForgotPassword(email, wrong, NEW_PASSWORD), ErrorCode.CODE_MISMATCH);
        }

        assertRefused(() -> bed.authenticator.confirmForgotPassword(email, ConfirmationCode.parse(right), NEW_PASSWORD),
                ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void aDisabledAccountCannotAskForAResetCode() {
        bed.confirmedUser(email);
        disable(bed.directory, email);

        assertRefused(() -> bed.authenticator.forgotPassword(email), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void errorMessagesNeverCarryThePasswordOrTheCode() {
        bed.confirmedUser(email);
        Password wrong = Password.of("Secret-Guess-42");
        var signIn = assertRefused(() -> bed.authenticator.signIn(email, wrong).tokens(), ErrorCode.NOT_AUTHORIZED);
        bed.authenticator.forgotPassword(email);
        ConfirmationCode guess = ConfirmationCode.parse("987654");
        Throwable reset = org.assertj.core.api.Assertions.catchThrowable(
                () -> bed.authenticator.confirmForgotPassword(email, guess, wrong));

        assertThat(signIn.getMessage() + signIn).doesNotContain(wrong.reveal());
        assertThat(reset.getMessage() + reset).doesNotContain("987654").doesNotContain(wrong.reveal());
    }

    @Test
    void anOperatorsSignOutEndsEverySessionOfTheAccount() {
        bed.confirmedUser(email);
        Tokens first = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        Tokens second = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        bed.authenticator.adminGlobalSignOut(email);

        for (Tokens t : new Tokens[] {first, second}) {
            assertRefused(() -> bed.authenticator.refresh(t.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
            assertRefused(() -> bed.verifier.verify(t.accessToken()), ErrorCode.NOT_AUTHORIZED);
        }
        assertRefused(() -> bed.authenticator.adminGlobalSignOut(new EmailAddress("nobody@example.com")), ErrorCode.USER_NOT_FOUND);
        assertThat(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().idToken()).isNotBlank();
    }

    @Test
    void revokingARefreshTokenEndsItsSessionOnly() {
        User user = bed.confirmedUser(email);
        Tokens kept = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        Tokens revoked = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        assertThat(bed.authenticator.revokeRefreshToken(revoked.refreshToken().orElseThrow())).isEqualTo(user.id());

        assertRefused(() -> bed.authenticator.refresh(revoked.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> bed.verifier.verify(revoked.accessToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(bed.verifier.verify(kept.accessToken()).userId()).isEqualTo(user.id());
        assertThat(bed.authenticator.refresh(kept.refreshToken().orElseThrow()).tokens().idToken()).isNotBlank();
        assertRefused(() -> bed.authenticator.revokeRefreshToken(revoked.refreshToken().orElseThrow()), ErrorCode.NOT_AUTHORIZED);
    }
}
