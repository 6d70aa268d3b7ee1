package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.app.http.LocalEndpoints;
import dev.userpool.app.http.ReplicaStatus;
import dev.userpool.app.logging.AuditLogLines;
import dev.userpool.cognito.CognitoAccountProvisioner;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoGroupDirectory;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.EmailVerifier;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.SignInChallenges;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.dynamodb.DynamoDbAuditLog;
import dev.userpool.dynamodb.SpoolBacklog;
import dev.userpool.embedded.EmbeddedTokenVerifier;
import dev.userpool.embedded.LinkEmailVerifier;
import dev.userpool.embedded.OutboxMailer;
import dev.userpool.embedded.PasswordHasher;
import dev.userpool.embedded.SigningKeys;
import dev.userpool.embedded.SqliteAuditLog;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.embedded.SqliteAccountProvisioner;
import dev.userpool.embedded.SqliteAuthenticator;
import dev.userpool.embedded.SqliteGroupDirectory;
import dev.userpool.embedded.SqliteUserDirectory;
import dev.userpool.embedded.SrpServer;
import dev.userpool.embedded.SrpSignInChallenges;
import dev.userpool.ses.SendPacer;
import dev.userpool.ses.SesEmailVerifier;
import dev.userpool.ses.SesMailer;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * The only place that decides which adapter serves which port, from the settings. Adapters come as
 * {@link Provider}s so that only the chosen ones are ever built (no database file for a Cognito setup,
 * no AWS client for the embedded one).
 */
@Module
public final class PortsModule {
    private PortsModule() {}

    @Provides
    static UserDirectory directory(Settings settings, Provider<SqliteUserDirectory> embedded,
                                   Provider<CognitoUserDirectory> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> cognito.get();
        };
    }

    /** Address changes live where the accounts do. */
    @Provides
    static dev.userpool.core.port.out.EmailChanges emailChanges(Settings settings,
            Provider<dev.userpool.embedded.SqliteEmailChanges> embedded,
            Provider<dev.userpool.cognito.CognitoEmailChanges> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> cognito.get();
        };
    }

    @Provides
    static GroupDirectory groupDirectory(Settings settings, Provider<SqliteGroupDirectory> embedded,
                                         Provider<CognitoGroupDirectory> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> cognito.get();
        };
    }

    /** The pool's app clients: stored in the embedded database, or the one configured for Cognito. */
    @Provides
    static dev.userpool.core.port.out.AppClientDirectory appClientDirectory(Settings settings,
            Provider<dev.userpool.embedded.SqliteAppClientDirectory> embedded,
            Provider<dev.userpool.app.config.CognitoSettings> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> new dev.userpool.cognito.CognitoAppClientDirectory(CognitoModule.appClient(cognito.get()));
        };
    }

    @Provides
    static dev.userpool.core.port.out.ResourceServerDirectory resourceServerDirectory(Settings settings,
            Provider<dev.userpool.embedded.SqliteResourceServerDirectory> embedded) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> new dev.userpool.cognito.CognitoResourceServerDirectory();
        };
    }

    @Provides
    static Authenticator authenticator(Settings settings, Provider<SqliteAuthenticator> embedded,
                                       Provider<CognitoAuthenticator> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> cognito.get();
        };
    }

    @Provides
    static AccountProvisioner accountProvisioner(Settings settings, Provider<SqliteAccountProvisioner> embedded,
                                                 Provider<CognitoAccountProvisioner> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> cognito.get();
        };
    }

    /** SRP sign-ins only where the embedded directory keeps SRP verifiers (USERPOOL_SRP on). */
    @Provides
    @Singleton
    static Optional<SignInChallenges> signInChallenges(Settings settings, LocalPoolSettings pool, Provider<SrpServer> srp,
                                                       Provider<SqliteAuthenticator> embedded) {
        if (settings.directory() != Settings.DirectoryChoice.EMBEDDED || !pool.srp()) return Optional.empty();
        return Optional.of(new SrpSignInChallenges(srp.get(), embedded.get()));
    }

    @Provides
    static TokenVerifier tokenVerifier(Settings settings, Provider<EmbeddedTokenVerifier> embedded,
                                       Provider<CognitoTokenVerifier> cognito) {
        return switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            case COGNITO -> cognito.get();
        };
    }

    @Provides
    static Mailer mailer(Settings settings, Provider<OutboxMailer> embedded, Provider<SesMailer> ses) {
        return switch (settings.email()) {
            case EMBEDDED -> embedded.get();
            case SES -> ses.get();
            case SMTP -> embedded.get();   // the outbox queues it; OutboxDelivery hands it to the SMTP server
        };
    }

    @Provides
    static EmailVerifier emailVerifier(Settings settings, Provider<LinkEmailVerifier> embedded,
                                       Provider<SesEmailVerifier> ses) {
        return switch (settings.email()) {
            case EMBEDDED, SMTP -> embedded.get();   // the app's own link, mailed through whichever Mailer is wired
            case SES -> ses.get();
        };
    }

    @Provides
    @TrailOnly
    static AuditLog auditTrail(Settings settings, Provider<SqliteAuditLog> embedded, Provider<DynamoDbAuditLog> dynamodb) {
        return switch (settings.audit()) {
            case EMBEDDED -> embedded.get();
            case DYNAMODB -> dynamodb.get();
        };
    }

    @Provides
    static AuditLog auditLog(@TrailOnly AuditLog trail) {
        return new AuditLogLines(trail);   // one log line per use case, with its outcome
    }

    /** The routes only a self-hosted pool can serve, for the ports the embedded adapters hold. */
    @Provides
    @Singleton
    static LocalEndpoints localEndpoints(Settings settings, Provider<SigningKeys> keys, Provider<OutboxMailer> outbox,
                                         Provider<LinkEmailVerifier> links, Provider<PasswordHasher> hasher) {
        boolean ownDirectory = settings.directory() == Settings.DirectoryChoice.EMBEDDED;
        // The development mailbox shows codes, so only while nothing is really sent; the app's own
        // verification links are answered whenever the app sends them (embedded or SMTP).
        boolean ownMailbox = settings.email() == Settings.EmailChoice.EMBEDDED;
        boolean ownLinks = settings.email() != Settings.EmailChoice.SES;
        Optional<Supplier<String>> jwks = ownDirectory ? Optional.of(keys.get()::jwksJson) : Optional.empty();
        Optional<LocalEndpoints.Mailbox> mailbox = ownMailbox ? Optional.of(mailbox(outbox.get())) : Optional.empty();
        Optional<LocalEndpoints.LinkCallback> callback = ownLinks ? Optional.of(links.get()::completeCallback) : Optional.empty();
        Optional<String> hashing = ownDirectory ? Optional.of(hasher.get().description()) : Optional.empty();
        return new LocalEndpoints(jwks, mailbox, callback, hashing);
    }

    /**
     * What {@code /health} tells of this replica: the events waiting in its own audit spool (with
     * DynamoDB), and how it paces SES (with SES: {@code local}, this process alone at USERPOOL_SES_RATE).
     */
    @Provides
    @Singleton
    static ReplicaStatus replicaStatus(Settings settings, Provider<DynamoDbAuditLog> dynamodb, Provider<SendPacer> ses,
                                       Clock clock) {
        Optional<Supplier<ReplicaStatus.SpoolBacklog>> spool = settings.audit() != Settings.AuditChoice.DYNAMODB
                ? Optional.empty()
                : Optional.of(() -> {
                    SpoolBacklog backlog = dynamodb.get().spoolBacklog();
                    return new ReplicaStatus.SpoolBacklog(backlog.records(), backlog.oldestAge(clock.instant()));
                });
        Optional<Supplier<ReplicaStatus.Pacing>> pacing = settings.email() != Settings.EmailChoice.SES ? Optional.empty()
                : Optional.of(() -> {
                    SendPacer pacer = ses.get();
                    return new ReplicaStatus.Pacing(pacingMode(pacer.mode()), pacer.ratePerSecond());
                });
        return new ReplicaStatus(spool, pacing);
    }

    /** The pacing mode as /health and /metrics name it: local, shared, or fallback (alone while DynamoDB is away). */
    static String pacingMode(SendPacer.Mode mode) {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static LocalEndpoints.Mailbox mailbox(OutboxMailer outbox) {
        return to -> outbox.messagesTo(to).stream()
                .map(m -> new LocalEndpoints.Message(m.id(), m.to().value(), m.kind().name(), m.subject(),
                        m.textBody(), m.htmlBody(), m.sentAt()))
                .toList();
    }
}
