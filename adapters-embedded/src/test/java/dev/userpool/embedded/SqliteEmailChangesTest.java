package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded address change's codes, limits, sessions and sign-in names, driven by the test's clock. */
class SqliteEmailChangesTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteEmailChanges changes;
    private final EmailAddress old = new EmailAddress("alice@example.com");
    private final EmailAddress next = new EmailAddress("alice.new@example.com");
    private User alice;
    private Tokens tokens;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        changes = new SqliteEmailChanges(bed.db, bed.mailer, bed.clock);
        tokens = bed.signedIn(old);
        alice = bed.directory.find(old).orElseThrow();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private ConfirmationCode codeTo(EmailAddress to) {
        return ConfirmationCode.parse(bed.mailer.lastCode(to, EmailMessage.Kind.EMAIL_CHANGE_CODE));
    }

    private static ConfirmationCode wrong(ConfirmationCode right) {
        String r = right.reveal();
        return ConfirmationCode.parse((r.charAt(0) == '9' ? "0" : String.valueOf((char) (r.charAt(0) + 1))) + r.substring(1));
    }

    @Test
    void untilTheCodeIsProvenTheOldAddressSignsInAndTheNewOneDoesNot() {
        changes.request(alice, next, tokens.accessToken());

        assertThat(bed.authenticator.signIn(old, EmbeddedTestbed.PASSWORD).tokens().accessToken()).isNotBlank();
        assertRefused(() -> bed.authenticator.signIn(next, EmbeddedTestbed.PASSWORD), ErrorCode.USER_NOT_FOUND);

        changes.verify(alice, codeTo(next), tokens.accessToken());

        assertThat(bed.authenticator.signIn(next, EmbeddedTestbed.PASSWORD).tokens().accessToken()).isNotBlank();
        assertRefused(() -> bed.authenticator.signIn(old, EmbeddedTestbed.PASSWORD), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void tokensIssuedBeforeKeepWorkingAndARefreshCarriesTheNewAddress() {
        changes.request(alice, next, tokens.accessToken());
        changes.verify(alice, codeTo(next), tokens.accessToken());

        assertThat(bed.verifier.verify(tokens.accessToken()).userId()).isEqualTo(alice.id());
        assertThat(bed.verifier.verify(tokens.idToken()).email()).contains(old);   // as issued
        Tokens refreshed = bed.authenticator.refresh(tokens.refreshToken().orElseThrow()).tokens();
        assertThat(bed.verifier.verify(refreshed.idToken()).email()).contains(next);
    }

    @Test
    void aCodeExpiresAfter24Hours() {
        changes.request(alice, next, tokens.accessToken());
        ConfirmationCode code = codeTo(next);
        bed.clock.advance(Duration.ofHours(24));

        UserPoolException e = assertRefused(() -> changes.verify(alice, code, tokens.accessToken()), ErrorCode.EXPIRED_CODE);

        assertThat(e).hasMessage("Invalid code provided, please request a code again.");
        assertThat(bed.directory.find(old)).isPresent();
    }

    @Test
    void fifteenChecksAnHourThenLimitExceededEvenForTheRightCode() {
        changes.request(alice, next, tokens.accessToken());
        ConfirmationCode right = codeTo(next);
        for (int i = 0; i < 15; i++) {
            assertRefused(() -> changes.verify(alice, wrong(right), tokens.accessToken()), ErrorCode.CODE_MISMATCH);
        }

        UserPoolException e = assertRefused(() -> changes.verify(alice, right, tokens.accessToken()), ErrorCode.LIMIT_EXCEEDED);

        assertThat(e).hasMessage("Attempt limit exceeded, please try after some time.");
        bed.clock.advance(Duration.ofHours(1));
        assertThat(changes.verify(alice, right, tokens.accessToken()).email()).isEqualTo(next);
    }

    @Test
    void fiveCodesAnHourPerAccountWhateverTheAddress() {
        for (int i = 0; i < 4; i++) {
            changes.request(alice, new EmailAddress("n" + i + "@example.com"), tokens.accessToken());
        }
        changes.resendCode(alice, tokens.accessToken());

        assertRefused(() -> changes.request(alice, next, tokens.accessToken()), ErrorCode.LIMIT_EXCEEDED);
        assertRefused(() -> changes.resendCode(alice, tokens.accessToken()), ErrorCode.LIMIT_EXCEEDED);
        assertThat(bed.mailer.lastTo(next, EmailMessage.Kind.EMAIL_CHANGE_CODE)).isEmpty();
    }

    @Test
    void anAddressTakenAfterTheRequestIsRefusedOnceTheCodeIsProvenAndThePendingChangeIsDropped() {
        changes.request(alice, next, tokens.accessToken());
        ConfirmationCode code = codeTo(next);
        User other = bed.directory.signUp(next, EmbeddedTestbed.PASSWORD, false).user();

        UserPoolException e = assertRefused(() -> changes.verify(alice, code, tokens.accessToken()), ErrorCode.USERNAME_EXISTS);

        assertThat(e).hasMessage("An account with the given email already exists.");
        assertThat(bed.directory.find(old)).map(User::id).contains(alice.id());
        assertThat(bed.directory.find(next)).map(User::id).contains(other.id());
        assertThat(pendingRows()).isZero();
        // with nothing pending, a resend goes to the account's own address
        assertThat(changes.resendCode(alice, tokens.accessToken()).destination()).isEqualTo(old.masked());
    }

    @Test
    void codesAreKeptOnlyAsDigestsAndThePendingChangeGoesWithTheAccount() {
        changes.request(alice, next, tokens.accessToken());
        String code = codeTo(next).reveal();
        java.util.List<String> stored = bed.db.read(c -> {
            java.util.List<String> values = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM one_time_codes")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(String.valueOf(rs.getObject(i)));
                }
            }
            return values;
        });
        assertThat(stored).isNotEmpty().noneMatch(v -> v.contains(code));
        assertThat(pendingRows()).isEqualTo(1);

        bed.directory.delete(old);

        assertThat(pendingRows()).isZero();
    }

    private int pendingRows() {
        return bed.db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pending_email_changes")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
