package dev.userpool.embedded;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Every embedded adapter on a throw-away database, wired the way the app wires them, with a clock the
 * test controls and cheap Argon2 parameters (the hasher's own tests use the real ones).
 */
final class EmbeddedTestbed implements AutoCloseable {
    static final Argon2Parameters CHEAP = new Argon2Parameters(64, 1, 1);
    static final URI ISSUER = URI.create("http://localhost:8080/");
    static final Password PASSWORD = Password.of("Correct-Horse-9");
    static final String POOL_ID = "local_Testpool1";

    final MutableClock clock;
    final EmbeddedDatabase db;
    final PasswordHasher hasher;
    final SigningKeys keys;
    final EmbeddedSettings settings;
    final OutboxMailer outbox;
    final RecordingMailer mailer;
    final SqliteUserDirectory directory;
    final SqliteAuthenticator authenticator;
    final EmbeddedTokenVerifier verifier;
    final LinkEmailVerifier links;
    final SqliteAuditLog auditLog;
    final SrpServer srp;

    EmbeddedTestbed(Path file, EmbeddedSettings settings, MutableClock clock, PasswordHasher hasher) {
        this(file, settings, clock, hasher, SrpSettings.on(POOL_ID));
    }

    EmbeddedTestbed(Path file, EmbeddedSettings settings, MutableClock clock, PasswordHasher hasher, SrpSettings srpSettings) {
        this.clock = clock;
        this.settings = settings;
        this.hasher = hasher;
        this.db = EmbeddedDatabase.open(file);
        this.keys = SigningKeys.loadOrCreate(db);
        this.outbox = new OutboxMailer(db, clock, settings.logCodes());
        this.mailer = new RecordingMailer(outbox);
        this.srp = SrpServer.open(db, srpSettings, clock);
        this.directory = new SqliteUserDirectory(db, hasher, mailer, clock, srp);
        this.authenticator = new SqliteAuthenticator(db, hasher, keys, settings, mailer, clock, srp);
        this.verifier = new EmbeddedTokenVerifier(db, keys, settings, clock);
        this.links = new LinkEmailVerifier(db, mailer, settings.issuer(), clock);
        this.auditLog = new SqliteAuditLog(db);
    }

    static EmbeddedTestbed open(Path dir) {
        return open(dir, EmbeddedSettings.defaults(ISSUER));
    }

    static EmbeddedTestbed open(Path dir, EmbeddedSettings settings) {
        return new EmbeddedTestbed(dir.resolve("userpool.db"), settings, MutableClock.at("2030-01-01T00:00:00Z"),
                PasswordHasher.create(CHEAP, 2));
    }

    /** On the database in {@code dir} (made anew or reopened), with these SRP settings. */
    static EmbeddedTestbed open(Path dir, SrpSettings srp, MutableClock clock) {
        return new EmbeddedTestbed(dir.resolve("userpool.db"), EmbeddedSettings.defaults(ISSUER), clock,
                PasswordHasher.create(CHEAP, 2), srp);
    }

    static EmailAddress newAddress() {
        return new EmailAddress("u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    String lastSignUpCode(EmailAddress to) {
        return mailer.lastCode(to, EmailMessage.Kind.CONFIRMATION_CODE);
    }

    String lastResetCode(EmailAddress to) {
        return mailer.lastCode(to, EmailMessage.Kind.PASSWORD_RESET_CODE);
    }

    /** An account confirmed by its code, so its address is verified. */
    User confirmedUser(EmailAddress email) {
        directory.signUp(email, PASSWORD, true);
        confirmByCode(directory, email, dev.userpool.core.domain.ConfirmationCode.parse(lastSignUpCode(email)));
        return directory.find(email).orElseThrow();
    }

    Tokens signedIn(EmailAddress email) {
        confirmedUser(email);
        return authenticator.signIn(email, PASSWORD).tokens();
    }

    @Override
    public void close() {
        db.close();
    }
}
