package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.userpool.app.config.Settings;
import dev.userpool.app.http.LocalEndpoints;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.embedded.Argon2Parameters;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.EmbeddedSettings;
import dev.userpool.embedded.EmbeddedTokenVerifier;
import dev.userpool.embedded.LinkEmailVerifier;
import dev.userpool.embedded.OutboxMailer;
import dev.userpool.embedded.PasswordHasher;
import dev.userpool.embedded.SigningKeys;
import dev.userpool.embedded.SqliteAuditLog;
import dev.userpool.embedded.SqliteAuthenticator;
import dev.userpool.embedded.SqliteUserDirectory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Singleton;

/** Every out-port on one SQLite file in the data directory: the single-machine default. */
@Module
public final class EmbeddedEdgeModule {
    private EmbeddedEdgeModule() {}

    @Provides
    @Singleton
    static EmbeddedDatabase database(Settings settings) {
        return EmbeddedDatabase.open(settings.databaseFile());
    }

    @Provides
    @IntoSet
    static AutoCloseable closeDatabase(EmbeddedDatabase db) {
        return db;
    }

    @Provides
    @Singleton
    static PasswordHasher hasher(Settings settings) {
        return PasswordHasher.create(Argon2Parameters.defaults(), settings.hashConcurrency());
    }

    @Provides
    @IntoSet
    static MeterBinder hashQueue(PasswordHasher hasher) {
        return registry -> Gauge.builder("userpool.password.hash.waiting", hasher, PasswordHasher::waiting)
                .description("Password hashes waiting for a slot on the bounded hashing pool").register(registry);
    }

    @Provides
    @Singleton
    static SigningKeys keys(EmbeddedDatabase db) {
        return SigningKeys.loadOrCreate(db);
    }

    @Provides
    @Singleton
    static EmbeddedSettings embeddedSettings(Settings settings, AdminPolicy adminPolicy) {
        EmbeddedSettings defaults = EmbeddedSettings.defaults(settings.baseUrl());
        return new EmbeddedSettings(defaults.issuer(), defaults.clientId(), defaults.idTokenTtl(),
                defaults.accessTokenTtl(), defaults.refreshTokenTtl(), adminPolicy, settings.logCodes());
    }

    @Provides
    @Singleton
    static OutboxMailer outbox(EmbeddedDatabase db, Settings settings, Clock clock) {
        return new OutboxMailer(db, clock, settings.logCodes());
    }

    @Provides
    static Mailer mailer(OutboxMailer outbox) {
        return outbox;
    }

    @Provides
    @Singleton
    static UserDirectory directory(EmbeddedDatabase db, PasswordHasher hasher, Mailer mailer, Clock clock) {
        return new SqliteUserDirectory(db, hasher, mailer, clock);
    }

    @Provides
    @Singleton
    static Authenticator authenticator(EmbeddedDatabase db, PasswordHasher hasher, SigningKeys keys,
                                       EmbeddedSettings settings, Mailer mailer, Clock clock) {
        return new SqliteAuthenticator(db, hasher, keys, settings, mailer, clock);
    }

    @Provides
    @Singleton
    static TokenVerifier tokenVerifier(EmbeddedDatabase db, SigningKeys keys, EmbeddedSettings settings, Clock clock) {
        return new EmbeddedTokenVerifier(db, keys, settings, clock);
    }

    @Provides
    @Singleton
    static LinkEmailVerifier linkVerifier(EmbeddedDatabase db, Mailer mailer, Settings settings, Clock clock) {
        return new LinkEmailVerifier(db, mailer, settings.baseUrl(), clock);
    }

    @Provides
    static EmailVerifier emailVerifier(LinkEmailVerifier verifier) {
        return verifier;
    }

    @Provides
    @Singleton
    static AuditLog auditLog(EmbeddedDatabase db) {
        return new SqliteAuditLog(db);
    }

    @Provides
    @Singleton
    static LocalEndpoints localEndpoints(SigningKeys keys, OutboxMailer outbox, LinkEmailVerifier links) {
        LocalEndpoints.Mailbox mailbox = to -> outbox.messagesTo(to).stream()
                .map(m -> new LocalEndpoints.Message(m.id(), m.to().value(), m.kind().name(), m.subject(),
                        m.textBody(), m.htmlBody(), m.sentAt()))
                .toList();
        return new LocalEndpoints(Optional.of(keys::jwksJson), Optional.of(mailbox), Optional.of(links::completeCallback));
    }
}
