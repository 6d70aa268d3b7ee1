package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.userpool.app.config.Argon2Settings;
import dev.userpool.app.config.DataDirectory;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.embedded.Argon2Parameters;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.EmbeddedSettings;
import dev.userpool.embedded.EmbeddedTokenVerifier;
import dev.userpool.embedded.LinkEmailVerifier;
import dev.userpool.embedded.OutboxDelivery;
import dev.userpool.embedded.OutboxMailer;
import dev.userpool.embedded.OutboxQueue;
import dev.userpool.embedded.PasswordHasher;
import dev.userpool.embedded.SigningKeys;
import dev.userpool.embedded.SqliteAppClientDirectory;
import dev.userpool.embedded.SqliteAuditLog;
import dev.userpool.embedded.SqliteResourceServerDirectory;
import dev.userpool.embedded.SqliteAccountProvisioner;
import dev.userpool.embedded.SqliteGroupDirectory;
import dev.userpool.embedded.SqliteAuthenticator;
import dev.userpool.embedded.SqliteUserDirectory;
import dev.userpool.embedded.SrpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * The embedded adapters: every out-port on one SQLite file in the data directory. Which of them serve
 * the ports is {@link PortsModule}'s choice; nothing here is built unless chosen.
 */
@Module
public final class EmbeddedEdgeModule {
    private EmbeddedEdgeModule() {}

    /**
     * The database and what was opened on it, closed in reverse order: the outbox delivery stops
     * (finishing the message it is handing over, and recording it) before the database closes.
     */
    static final class EmbeddedResources extends OpenedResources {}

    @Provides
    @Singleton
    static EmbeddedResources embeddedResources() {
        return new EmbeddedResources();
    }

    @Provides
    @IntoSet
    static AutoCloseable closeEmbedded(EmbeddedResources resources) {
        return resources;
    }

    @Provides
    @Singleton
    static EmbeddedDatabase database(Settings settings, DataDirectory ownerOnly, EmbeddedResources resources) {
        // the directory is owner-only before the database (which keeps itself 0600) is made in it
        EmbeddedDatabase db = EmbeddedDatabase.open(settings.databaseFile());
        resources.opened(db);
        return db;
    }

    /**
     * The fastest Argon2id engine here, with the cost of USERPOOL_ARGON2_*; it names itself in the log.
     * Chosen and loaded on a thread of its own while the rest of the service is built; {@code serve}
     * waits for it before listening ({@link StartupWork}).
     */
    @Provides
    @Singleton
    static PasswordHasher hasher(Settings settings, StartupWork startup) {
        int queue = settings.environment().integer("USERPOOL_HASH_QUEUE", PasswordHasher.DEFAULT_QUEUE, 0, 100_000);
        PasswordHasher hasher = PasswordHasher.start(argon2Parameters(Argon2Settings.from(settings.environment())),
                settings.hashConcurrency(), queue);
        startup.add(hasher::awaitReady);
        return hasher;
    }

    static Argon2Parameters argon2Parameters(Argon2Settings cost) {
        return new Argon2Parameters(cost.memoryKiB(), cost.iterations(), cost.parallelism());
    }

    @Provides
    @IntoSet
    static AutoCloseable closeHasher(PasswordHasher hasher) {
        return hasher;
    }

    @Provides
    @IntoSet
    static MeterBinder hashQueue(PasswordHasher hasher) {
        return registry -> Gauge.builder("userpool.password.hash.waiting", hasher, PasswordHasher::waiting)
                .description("Password hashes waiting for a hashing thread (at most USERPOOL_HASH_QUEUE)").register(registry);
    }

    /** Which engine hashes (one series, always 1, labelled with it) and how many stored hashes were upgraded. */
    @Provides
    @IntoSet
    static MeterBinder hashEngine(PasswordHasher hasher) {
        return registry -> {
            Gauge.builder("userpool.password.hash.engine", () -> 1)
                    .description("The Argon2id engine in use: libsodium, argon2-jvm or bouncy-castle")
                    .tag("engine", hasher.engineName()).register(registry);
            FunctionCounter.builder("userpool.password.rehashes", hasher, PasswordHasher::upgradedHashes)
                    .description("Stored password hashes replaced at sign-in by one with the USERPOOL_ARGON2_* parameters")
                    .register(registry);
        };
    }

    @Provides
    @Singleton
    static SigningKeys keys(EmbeddedDatabase db) {
        return SigningKeys.loadOrCreate(db);
    }

    @Provides
    @Singleton
    static EmbeddedSettings embeddedSettings(Settings settings, LocalPoolSettings pool, AdminPolicy adminPolicy,
                                             dev.userpool.core.domain.AttributePolicy attributes) {
        // Tokens are issued as Cognito's are, by {base URL}/{pool id}, for the pool's app client.
        EmbeddedSettings defaults = EmbeddedSettings.defaults(pool.issuer(settings.baseUrl()));
        return new EmbeddedSettings(defaults.issuer(), pool.clientId(), defaults.idTokenTtl(),
                defaults.accessTokenTtl(), defaults.refreshTokenTtl(), adminPolicy, settings.logCodes(), attributes);
    }

    /**
     * The outbox: with {@code USERPOOL_EMAIL=smtp} every message is queued there and the
     * {@link OutboxDelivery} woken; otherwise messages are only kept, for the development mailbox.
     */
    @Provides
    @Singleton
    static OutboxMailer outbox(EmbeddedDatabase db, Settings settings, Clock clock, Provider<OutboxDelivery> delivery) {
        if (settings.email() == Settings.EmailChoice.SMTP) {
            OutboxDelivery sender = delivery.get();
            return OutboxMailer.forDelivery(db, clock, settings.logCodes(), sender::wake);
        }
        return new OutboxMailer(db, clock, settings.logCodes());
    }

    @Provides
    @Singleton
    static OutboxQueue outboxQueue(EmbeddedDatabase db, Clock clock) {
        return new OutboxQueue(db, clock);
    }

    /** The embedded directory sends its codes through whichever {@link Mailer} is wired. */
    @Provides
    @Singleton
    static SqliteUserDirectory directory(EmbeddedDatabase db, PasswordHasher hasher, Mailer mailer, Clock clock,
                                         SrpServer srp) {
        return new SqliteUserDirectory(db, hasher, mailer, clock, srp);
    }

    /** Address changes waiting for their code (issue 13). */
    @Provides
    @Singleton
    static dev.userpool.embedded.SqliteEmailChanges emailChanges(EmbeddedDatabase db, Mailer mailer, Clock clock) {
        return new dev.userpool.embedded.SqliteEmailChanges(db, mailer, clock);
    }

    @Provides
    @Singleton
    static SqliteAccountProvisioner accountProvisioner(EmbeddedDatabase db, PasswordHasher hasher, Mailer mailer, Clock clock,
                                                       SrpServer srp) {
        return new SqliteAccountProvisioner(db, hasher, mailer, clock, srp);
    }

    @Provides
    @Singleton
    static SqliteAuthenticator authenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys,
                                             EmbeddedSettings settings, Mailer mailer, Clock clock, SrpServer srp,
                                             SqliteAppClientDirectory clients, dev.userpool.core.domain.MfaMode mfa) {
        return new SqliteAuthenticator(db, hasher, keys, settings, mailer, clock, srp, clients, mfa);
    }

    @Provides
    @Singleton
    static EmbeddedTokenVerifier tokenVerifier(EmbeddedDatabase db, SigningKeys keys, EmbeddedSettings settings,
                                               Clock clock, SqliteAppClientDirectory clients) {
        return new EmbeddedTokenVerifier(db, keys, settings, clock, clients);
    }

    /**
     * The pool's app clients (issue 15), one directory shared by the sign-ins that issue their tokens and
     * the verifier that accepts them. The default client is the settings' ({@link DefaultAppClient}).
     */
    @Provides
    @Singleton
    static SqliteAppClientDirectory appClients(EmbeddedDatabase db, LocalPoolSettings pool, EmbeddedSettings settings) {
        return new SqliteAppClientDirectory(db, DefaultAppClient.of(pool, settings.idTokenTtl(), settings.accessTokenTtl(),
                settings.refreshTokenTtl()));
    }

    @Provides
    @Singleton
    static SqliteResourceServerDirectory resourceServers(EmbeddedDatabase db) {
        return new SqliteResourceServerDirectory(db);
    }

    @Provides
    @Singleton
    static LinkEmailVerifier linkVerifier(EmbeddedDatabase db, Mailer mailer, Settings settings, Clock clock) {
        return new LinkEmailVerifier(db, mailer, settings.baseUrl(), clock);
    }

    @Provides
    @Singleton
    static SqliteGroupDirectory groupDirectory(EmbeddedDatabase db) {
        return new SqliteGroupDirectory(db);
    }

    @Provides
    @Singleton
    static SqliteAuditLog auditLog(EmbeddedDatabase db) {
        return new SqliteAuditLog(db);
    }
}
