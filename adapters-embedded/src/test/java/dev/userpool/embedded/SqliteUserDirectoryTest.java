package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static dev.userpool.core.testing.DirectoryTransitions.enable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.out.Mailer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cognito's rules for codes and limits, driven by the test's clock. */
class SqliteUserDirectoryTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private final EmailAddress email = new EmailAddress("Alice@Example.com");

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private ConfirmationCode code() {
        return ConfirmationCode.parse(bed.lastSignUpCode(email));
    }

    private static ConfirmationCode wrong(ConfirmationCode right) {
        String r = right.reveal();
        return ConfirmationCode.parse((r.charAt(0) == '9' ? "0" : String.valueOf((char) (r.charAt(0) + 1))) + r.substring(1));
    }

    private UserStatus status() {
        return bed.directory.find(email).orElseThrow().status();
    }

    @Test
    void theAddressIsStoredLowerCasedAndTheIdIsAUuid() {
        User user = bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false).user();

        assertThat(user.email().value()).isEqualTo("alice@example.com");
        assertThat(UUID.fromString(user.id().value())).isNotNull();
        assertThat(user.createdAt()).isEqualTo(bed.clock.instant());
        assertThat(bed.directory.find(new EmailAddress("ALICE@example.COM"))).contains(user);
    }

    @Test
    void thePasswordIsStoredAsAnArgon2idHashOnly() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false);

        String stored = single("SELECT password_hash FROM users");
        assertThat(stored).startsWith("$argon2id$v=19$m=64,t=1,p=1$").doesNotContain(EmbeddedTestbed.PASSWORD.reveal());
        assertThat(bed.hasher.verify(stored, EmbeddedTestbed.PASSWORD)).isTrue();
    }

    @Test
    void theCodeEmailIsComposedByTheDirectoryAndHandedToTheMailer() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);

        EmailMessage sent = bed.mailer.lastTo(email, EmailMessage.Kind.CONFIRMATION_CODE).orElseThrow();
        String code = sent.oneTimeCode().orElseThrow();
        assertThat(code).matches("\\d{6}");
        assertThat(sent.subject()).isEqualTo("Your verification code");
        assertThat(sent.textBody()).contains(code).contains("24 hours");
        assertThat(sent.htmlBody()).contains(code).startsWith("<p>");
        assertThat(bed.outbox.messagesTo(email)).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(EmailMessage.Kind.CONFIRMATION_CODE));
    }

    @Test
    void codesAreStoredOnlyAsSaltedDigests() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        String code = code().reveal();

        List<String> stored = bed.db.read(c -> {
            List<String> values = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM one_time_codes")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(String.valueOf(rs.getObject(i)));
                }
            }
            return values;
        });
        assertThat(stored).isNotEmpty().noneMatch(v -> v.contains(code));
    }

    @Test
    void aSignUpCodeIsValidFor24Hours() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode code = code();

        bed.clock.advance(Duration.ofHours(24).minusSeconds(1));
        confirmByCode(bed.directory, email, code);

        assertThat(status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void aSignUpCodeExpiresAfter24Hours() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode code = code();

        bed.clock.advance(Duration.ofHours(24));

        var e = assertRefused(() -> confirmByCode(bed.directory, email, code), ErrorCode.EXPIRED_CODE);
        assertThat(e.getMessage()).isEqualTo("Invalid code provided, please request a code again.");
        assertThat(status()).isEqualTo(UserStatus.UNCONFIRMED);
    }

    @Test
    void aWrongCodeAfterExpiryIsStillAMismatch() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode code = code();
        bed.clock.advance(Duration.ofDays(2));

        assertRefused(() -> confirmByCode(bed.directory, email, wrong(code)), ErrorCode.CODE_MISMATCH);
    }

    @Test
    void aResendGivesANewCodeValidForAnother24Hours() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        bed.clock.advance(Duration.ofHours(30));
        bed.directory.resendConfirmationCode(email);
        ConfirmationCode fresh = code();

        bed.clock.advance(Duration.ofHours(23));
        confirmByCode(bed.directory, email, fresh);

        assertThat(status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void aResendReplacesTheOldCode() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode old = code();
        ConfirmationCode fresh;
        do {   // a new code equals the old one once in a million; resend until it differs
            bed.directory.resendConfirmationCode(email);
            fresh = code();
        } while (fresh.equals(old));

        assertRefused(() -> confirmByCode(bed.directory, email, old), ErrorCode.CODE_MISMATCH);
        confirmByCode(bed.directory, email, fresh);
    }

    @Test
    void aCodeIsUsedUpByItsConfirmation() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode code = code();
        confirmByCode(bed.directory, email, code);

        String left = bed.db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM one_time_codes")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(left).isEqualTo("0");
        assertRefused(() -> confirmByCode(bed.directory, email, code), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anAccountSignedUpWithoutACodeHasNoneToMatch() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false);

        assertRefused(() -> confirmByCode(bed.directory, email, ConfirmationCode.parse("000000")), ErrorCode.CODE_MISMATCH);
        assertThat(bed.mailer.delivered()).isEmpty();
    }

    @Test
    void fifteenConfirmAttemptsAnHourThenLimitExceeded() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode wrong = wrong(code());
        for (int i = 0; i < 15; i++) {
            assertRefused(() -> confirmByCode(bed.directory, email, wrong), ErrorCode.CODE_MISMATCH);
            bed.clock.advance(Duration.ofMinutes(1));
        }

        var e = assertRefused(() -> confirmByCode(bed.directory, email, code()), ErrorCode.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).isEqualTo("Attempt limit exceeded, please try after some time.");

        // the first attempt leaves the sliding hour 60 minutes after it was made
        bed.clock.advance(Duration.ofMinutes(45));
        confirmByCode(bed.directory, email, code());
        assertThat(status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void refusedAttemptsDoNotExtendTheLimit() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode wrong = wrong(code());
        for (int i = 0; i < 15; i++) assertRefused(() -> confirmByCode(bed.directory, email, wrong), ErrorCode.CODE_MISMATCH);
        for (int i = 0; i < 10; i++) {
            bed.clock.advance(Duration.ofMinutes(5));
            assertRefused(() -> confirmByCode(bed.directory, email, wrong), ErrorCode.LIMIT_EXCEEDED);
        }

        bed.clock.advance(Duration.ofMinutes(10));
        confirmByCode(bed.directory, email, code());
    }

    @Test
    void fiveResendsAnHourThenLimitExceeded() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        for (int i = 0; i < 5; i++) bed.directory.resendConfirmationCode(email);

        assertRefused(() -> bed.directory.resendConfirmationCode(email), ErrorCode.LIMIT_EXCEEDED);
        assertThat(bed.mailer.delivered()).hasSize(6);

        bed.clock.advance(Duration.ofHours(1));
        bed.directory.resendConfirmationCode(email);
        assertThat(bed.mailer.delivered()).hasSize(7);
    }

    @Test
    void limitsAreCountedPerUser() {
        EmailAddress other = new EmailAddress("bob@example.com");
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        bed.directory.signUp(other, EmbeddedTestbed.PASSWORD, true);
        for (int i = 0; i < 5; i++) bed.directory.resendConfirmationCode(email);

        bed.directory.resendConfirmationCode(other);
    }

    @Test
    void confirmingByCodeOfAnAdminConfirmedAccountIsNotAuthorized() {
        bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true);
        ConfirmationCode code = code();
        confirmByAdmin(bed.directory, email);

        var e = assertRefused(() -> confirmByCode(bed.directory, email, code), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("User cannot be confirmed. Current status is CONFIRMED.");
        assertThat(bed.directory.find(email).orElseThrow().emailVerified()).isFalse();
        assertThat(single("SELECT COUNT(*) FROM one_time_codes")).as("the sign-up code went with the confirmation")
                .isEqualTo("0");
    }

    /** The directory stores the state a transition left, never over a change made after the account was read. */
    @Test
    void aChangeDecidedBeforeAnotherOneIsRefusedAndTheOtherKept() {
        User read = bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, true).user();
        ConfirmationCode code = code();
        disable(bed.directory, email);   // by an operator, after the account was read

        var e = assertRefused(() -> bed.directory.confirmSignUp(read.confirm(ConfirmationMethod.CODE), code),
                ErrorCode.TOO_MANY_REQUESTS);
        assertThat(e.getMessage()).isEqualTo("The account changed meanwhile; try again.");
        assertRefused(() -> bed.directory.save(read.verifyEmail()), ErrorCode.TOO_MANY_REQUESTS);
        assertThat(bed.directory.find(email)).contains(read.disable().after());

        User confirmed = confirmByCode(bed.directory, email, code);   // decided again, from what is stored: the code still works
        assertThat(confirmed.enabled()).as("the operator's change was not overwritten").isFalse();
        assertThat(bed.directory.find(email)).contains(confirmed);
    }

    @Test
    void aChangeOfAnAccountDeletedAndSignedUpAgainIsUserNotFound() {
        User read = bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false).user();
        bed.directory.delete(email);
        User again = bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false).user();

        assertRefused(() -> bed.directory.save(read.disable()), ErrorCode.USER_NOT_FOUND);
        assertThat(bed.directory.find(email)).contains(again);
    }

    @Test
    void aSignUpWhoseCodeCannotBeMailedStillCreatesTheAccount() {
        Mailer broken = m -> {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "mail is down");
        };
        SqliteUserDirectory directory = new SqliteUserDirectory(bed.db, bed.hasher, broken, bed.clock);

        assertThat(directory.signUp(email, EmbeddedTestbed.PASSWORD, true).codeDelivery()).isPresent();
        assertThat(directory.find(email)).isPresent();
        assertRefused(() -> directory.resendConfirmationCode(email), ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void listingIsOrderedByAddressAndFiltersByAnyCasePrefix() {
        for (String name : List.of("carol", "alice", "bob", "alan")) {
            bed.directory.signUp(new EmailAddress(name + "@example.com"), EmbeddedTestbed.PASSWORD, false);
        }

        var page = bed.directory.list(UserFilter.all(), PageRequest.first(3));
        assertThat(page.items()).extracting(u -> u.email().value())
                .containsExactly("alan@example.com", "alice@example.com", "bob@example.com");
        assertThat(bed.directory.list(UserFilter.all(), new PageRequest(3, page.nextCursor())).items())
                .extracting(u -> u.email().value()).containsExactly("carol@example.com");
        assertThat(bed.directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("AL")),
                PageRequest.first(10)).items()).extracting(u -> u.email().value())
                .containsExactly("alan@example.com", "alice@example.com");
    }

    @Test
    void aPrefixWithWildcardCharactersMatchesLiterally() {
        bed.directory.signUp(new EmailAddress("a_b@example.com"), EmbeddedTestbed.PASSWORD, false);
        bed.directory.signUp(new EmailAddress("axb@example.com"), EmbeddedTestbed.PASSWORD, false);

        assertThat(bed.directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("a_")),
                PageRequest.first(10)).items()).extracting(u -> u.email().value()).containsExactly("a_b@example.com");
        assertThat(bed.directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("%")),
                PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aCursorFromNowhereIsInvalidParameter() {
        assertRefused(() -> bed.directory.list(UserFilter.all(), new PageRequest(5, Optional.of("!!"))),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void disablingEndsTheSessionsOfTheAccount() {
        var tokens = bed.signedIn(email);

        disable(bed.directory, email);
        enable(bed.directory, email);

        assertRefused(() -> bed.verifier.verify(tokens.accessToken()), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> bed.authenticator.refresh(tokens.refreshToken().orElseThrow()).tokens(), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void deletingAnAccountRemovesEverythingItOwned() {
        var tokens = bed.signedIn(email);
        bed.authenticator.forgotPassword(email);

        bed.directory.delete(email);

        for (String table : List.of("users", "one_time_codes", "attempts", "sessions", "sign_in_failures")) {
            assertThat(single("SELECT COUNT(*) FROM " + table)).as(table).isEqualTo("0");
        }
        assertRefused(() -> bed.verifier.verify(tokens.idToken()), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void concurrentSignUpsOfOneAddressCreateOneAccount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(pool.submit(() -> {
                try {
                    bed.directory.signUp(email, EmbeddedTestbed.PASSWORD, false);
                    return true;
                } catch (UserPoolException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.USERNAME_EXISTS);
                    return false;
                }
            }));
        }
        int created = 0;
        for (Future<Boolean> f : attempts) created += f.get() ? 1 : 0;
        pool.shutdown();

        assertThat(created).isEqualTo(1);
        assertThat(single("SELECT COUNT(*) FROM users")).isEqualTo("1");
    }

    private String single(String sql) {
        return bed.db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
