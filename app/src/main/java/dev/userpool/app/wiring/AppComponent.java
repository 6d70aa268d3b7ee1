package dev.userpool.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userpool.app.config.Settings;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.out.AccountImport;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.dynamodb.SpoolDrain;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.OutboxQueue;
import java.time.Clock;
import javax.inject.Singleton;

/** The running system: the core's use cases with the embedded adapters at the edges, behind HTTP. */
@Singleton
@Component(modules = {CoreModule.class, PortsModule.class, EmbeddedEdgeModule.class, SesModule.class,
        SmtpModule.class, CognitoModule.class, DynamoDbModule.class, HttpModule.class,
        LocalPoolModule.class, DataDirectoryModule.class, ChoiceSignInModule.class, PasskeyModule.class,
        MfaModule.class /* issue 14, TOTP MFA */, OAuthModule.class /* issue 15 */})
public interface AppComponent extends AppRuntime {

    /** What the service runs besides answering requests; {@code serve} starts it, the other commands do not. */
    BackgroundWork backgroundWork();

    /** What the start-up runs beside itself; {@code serve} waits for it before it listens. */
    StartupWork startupWork();

    /** Drains another process's audit spool into the DynamoDB table, for {@code userpool audit drain}. */
    SpoolDrain spoolDrain();

    /** The group use cases, for {@code userpool groups}. */
    GroupAdministration groupAdministration();

    /** The outbox as a delivery queue, for {@code userpool mail}. */
    OutboxQueue outboxQueue();

    /** Invitations and an operator's password actions, for {@code users invite} and {@code users set-password}. */
    dev.userpool.core.port.in.PasswordAdministration passwordAdministration();

    /** The sign-in use cases, for console checks of what an operator's command left. */
    dev.userpool.core.port.in.Authentication authentication();

    /** The embedded database (opened on first use): what a request costs it is read from its round trips. */
    EmbeddedDatabase embeddedDatabase();

    /** The configured audit log itself, for {@code audit export} and {@code audit import}: no log line per event. */
    @TrailOnly
    AuditLog auditLog();

    /**
     * Accounts created in the Cognito pool of the {@code USERPOOL_COGNITO_*} settings, whatever
     * {@code USERPOOL_DIRECTORY} says (an import moves users there from the embedded pool).
     */
    AccountImport cognitoAccountImport();

    /** The pool's app clients (issue 15): what the OAuth endpoints authorize; tests add theirs here. */
    dev.userpool.core.port.out.AppClientDirectory appClients();

    @Component.Factory
    interface Factory {
        AppComponent create(@BindsInstance Settings settings, @BindsInstance Clock clock);
    }

    static AppComponent create(Settings settings, Clock clock) {
        return DaggerAppComponent.factory().create(settings, clock);
    }
}
