package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserId;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Raising the Argon2 cost reaches the accounts already made: a password sign-in on a hash of older
 * parameters stores a new hash of the same password with today's, once, counted and logged without
 * any secret.
 */
class PasswordUpgradeOnSignInTest {
    private static final Argon2Parameters RAISED = new Argon2Parameters(128, 2, 1);

    @TempDir
    Path dir;
    private final EmailAddress email = new EmailAddress("rider@example.com");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SqliteAuthenticator.class);
    private EmbeddedTestbed bed;

    @BeforeEach
    void anAccountHashedWithTheOldCostAndAServerRestartedWithARaisedOne() {
        try (EmbeddedTestbed before = EmbeddedTestbed.open(dir)) {
            before.confirmedUser(email);
        }
        bed = new EmbeddedTestbed(dir.resolve("userpool.db"), EmbeddedSettings.defaults(EmbeddedTestbed.ISSUER),
                MutableClock.at("2030-01-01T00:00:00Z"), PasswordHasher.create(RAISED, 2));
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        logger.detachAppender(log);
        bed.close();
    }

    @Test
    void aSignInStoresANewHashWithTodaysParametersOnce() {
        String old = storedHash();
        assertThat(old).startsWith("$argon2id$v=19$m=64,t=1,p=1$");

        assertThat(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).passwordRehashed())
                .as("the sign-in says it rehashed, for the core to audit").isTrue();

        String upgraded = storedHash();
        assertThat(upgraded).startsWith("$argon2id$v=19$m=128,t=2,p=1$");
        assertThat(bed.hasher.verify(upgraded, EmbeddedTestbed.PASSWORD)).isTrue();
        assertThat(bed.hasher.upgradedHashes()).isEqualTo(1);

        assertThat(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).passwordRehashed()).isFalse();
        assertThat(storedHash()).as("a current hash is left alone").isEqualTo(upgraded);
        assertThat(bed.hasher.upgradedHashes()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordUpgradesNothing() {
        String old = storedHash();

        assertRefused(() -> bed.authenticator.signIn(email, Password.of("Wrong-Horse-9")), ErrorCode.NOT_AUTHORIZED);

        assertThat(storedHash()).isEqualTo(old);
        assertThat(bed.hasher.upgradedHashes()).isZero();
    }

    @Test
    void theUpgradeIsLoggedWithItsParametersAndNoSecret() {
        String old = storedHash();
        bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD);

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(m -> m.contains("upgraded")).singleElement().satisfies(line -> {
                    assertThat(line).contains("m=64 t=1 p=1", "m=128 t=2 p=1", userId().value());
                    assertThat(line).doesNotContain(EmbeddedTestbed.PASSWORD.reveal(), old, storedHash(), "$argon2id");
                });
    }

    @Test
    void aPasswordChangedWhileTheSignInWasCheckedStaysChanged() {
        String old = storedHash();
        UserId id = userId();
        String changed = bed.hasher.hash(Password.of("Battery-Staple-7"));
        HashUpgrade upgrade = new HashUpgrade(old, bed.hasher.hash(EmbeddedTestbed.PASSWORD));
        bed.db.transaction(c -> UserRows.savePasswordHash(c, id, changed));

        boolean stored = bed.db.transaction(c -> upgrade.store(c, id));

        assertThat(stored).isFalse();
        assertThat(storedHash()).isEqualTo(changed);
    }

    @Test
    void anUpgradePrintsNoHash() {
        String old = storedHash();
        assertThat(new HashUpgrade(old, old).toString()).doesNotContain(old).doesNotContain("argon2");
    }

    private UserId userId() {
        return bed.directory.find(email).orElseThrow().id();
    }

    private String storedHash() {
        return bed.db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT password_hash FROM users WHERE email = ?")) {
                p.setString(1, email.value());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
