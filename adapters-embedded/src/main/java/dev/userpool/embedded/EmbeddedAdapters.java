package dev.userpool.embedded;

import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point for embedding: every out-port of the core on one SQLite file, built by
 * {@link #builder(Path, URI)} without any framework. The app's Dagger wiring builds the same classes one
 * by one (it also meters them and shares them with its pages); a service of your own needs only this.
 *
 * <pre>{@code
 * try (EmbeddedAdapters edge = EmbeddedAdapters.builder(dataDir.resolve("userpool.db"), issuer).build()) {
 *     Registration registration = new RegistrationService(edge.directory(), edge.emailVerifier(), edge.auditLog(), ...);
 * }
 * }</pre>
 *
 * Messages go to the {@link OutboxMailer} (kept in the database, read back with
 * {@link OutboxMailer#messagesTo}) unless {@link Builder#mailer} names another {@link Mailer}.
 * {@link #close()} stops the password hasher's threads and closes the database.
 */
public final class EmbeddedAdapters implements AutoCloseable {
    private final EmbeddedDatabase db;
    private final PasswordHasher hasher;
    private final SigningKeys keys;
    private final Mailer mailer;
    private final Optional<OutboxMailer> outbox;
    private final SqliteUserDirectory directory;
    private final SqliteAuthenticator authenticator;
    private final EmbeddedTokenVerifier tokenVerifier;
    private final LinkEmailVerifier emailVerifier;
    private final SqliteAuditLog auditLog;

    private EmbeddedAdapters(Builder b) {
        this.db = EmbeddedDatabase.open(b.databaseFile);
        try {
            this.hasher = PasswordHasher.create(b.argon2, b.hashConcurrency);
            this.keys = SigningKeys.loadOrCreate(db);
            this.outbox = b.mailer.isPresent() ? Optional.empty() : Optional.of(new OutboxMailer(db, b.clock, false));
            this.mailer = b.mailer.isPresent() ? b.mailer.get() : outbox.get();
            SrpServer srp = SrpServer.disabled(db, b.clock);   // passwords only: SRP is for Cognito's own clients
            this.directory = new SqliteUserDirectory(db, hasher, mailer, b.clock, srp);
            this.authenticator = new SqliteAuthenticator(db, hasher, keys, b.settings, mailer, b.clock, srp);
            this.tokenVerifier = new EmbeddedTokenVerifier(db, keys, b.settings, b.clock);
            this.emailVerifier = new LinkEmailVerifier(db, mailer, b.linkBaseUrl, b.clock);
            this.auditLog = new SqliteAuditLog(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Adapters on {@code databaseFile} (created with its schema if missing), issuing tokens as
     * {@code issuer} with {@link EmbeddedSettings#defaults}: Cognito's lifetimes, client id
     * {@value EmbeddedSettings#DEFAULT_CLIENT_ID}.
     */
    public static Builder builder(Path databaseFile, URI issuer) {
        return new Builder(databaseFile, EmbeddedSettings.defaults(issuer));
    }

    public UserDirectory directory() {
        return directory;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public TokenVerifier tokenVerifier() {
        return tokenVerifier;
    }

    /** The verification links' port; only {@code VerificationMode.LINK} sends them. */
    public EmailVerifier emailVerifier() {
        return emailVerifier;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** The mailer the directory sends its codes through: the builder's, or the outbox. */
    public Mailer mailer() {
        return mailer;
    }

    /** The outbox the messages were kept in; empty when the builder was given a mailer of its own. */
    public Optional<OutboxMailer> outbox() {
        return outbox;
    }

    /** The public keys of the tokens, as {@code {issuer}/.well-known/jwks.json} should serve them. */
    public String jwksJson() {
        return keys.jwksJson();
    }

    @Override
    public void close() {
        try {
            hasher.close();
        } finally {
            db.close();
        }
    }

    /** Everything but the file and the issuer has a default: Argon2id at OWASP's minimum, the system clock. */
    public static final class Builder {
        private final Path databaseFile;
        private EmbeddedSettings settings;
        private Clock clock = Clock.systemUTC();
        private Optional<Mailer> mailer = Optional.empty();
        private Argon2Parameters argon2 = Argon2Parameters.defaults();
        private int hashConcurrency = Math.max(1, Runtime.getRuntime().availableProcessors());
        private URI linkBaseUrl;

        private Builder(Path databaseFile, EmbeddedSettings settings) {
            this.databaseFile = Objects.requireNonNull(databaseFile, "databaseFile");
            this.settings = Objects.requireNonNull(settings, "settings");
            this.linkBaseUrl = settings.issuer().resolve("/");
        }

        /** Token lifetimes, client id, admins: replaces the defaults (and the issuer) as a whole. */
        public Builder settings(EmbeddedSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sends codes and notices through {@code mailer} (SMTP, SES, a test's recorder) instead of the outbox. */
        public Builder mailer(Mailer mailer) {
            this.mailer = Optional.of(Objects.requireNonNull(mailer, "mailer"));
            return this;
        }

        /** The cost of each password hash, and how many may run at once. */
        public Builder argon2(Argon2Parameters parameters, int maxConcurrentHashes) {
            this.argon2 = Objects.requireNonNull(parameters, "parameters");
            if (maxConcurrentHashes < 1) throw new IllegalArgumentException("maxConcurrentHashes must be at least 1");
            this.hashConcurrency = maxConcurrentHashes;
            return this;
        }

        /** Where verification links point ({@code {base}} + {@link LinkEmailVerifier#CALLBACK_PATH}); the issuer's origin by default. */
        public Builder linkBaseUrl(URI baseUrl) {
            this.linkBaseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Opens (or creates) the database and builds every adapter on it. */
        public EmbeddedAdapters build() {
            return new EmbeddedAdapters(this);
        }
    }
}
