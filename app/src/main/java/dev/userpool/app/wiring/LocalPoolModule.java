package dev.userpool.app.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.app.http.LocalCallers;
import dev.userpool.app.http.cognito.CognitoApi;
import dev.userpool.app.http.cognito.PoolApiSettings;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.Registration;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.SrpServer;
import dev.userpool.embedded.SrpSettings;
import java.time.Clock;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded pool as Cognito clients see it ({@link LocalPoolSettings}): its SRP server and its
 * Cognito user-pool API; SRP sign-ins reach the core as {@code SignInChallenges} (PortsModule). The API is served only while the embedded directory holds the users; with
 * {@code USERPOOL_DIRECTORY=cognito} the users live in Amazon Cognito, whose own endpoint serves them.
 */
@Module
public final class LocalPoolModule {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPoolModule.class);

    private LocalPoolModule() {}

    @Provides
    @Singleton
    static LocalPoolSettings localPoolSettings(Settings settings) {
        return LocalPoolSettings.from(settings.environment());
    }

    @Provides
    @Singleton
    static SrpServer srpServer(EmbeddedDatabase db, LocalPoolSettings pool, Clock clock) {
        return SrpServer.open(db, new SrpSettings(pool.srp(), pool.userPoolId()), clock);
    }

    @Provides
    @Singleton
    static CognitoApi cognitoApi(Settings settings, LocalPoolSettings pool, LocalCallers callers, Registration registration,
                                 Authentication authentication, Administration administration, AuditQueries audit,
                                 AccountAttributes accountAttributes, PasswordAdministration passwords,
                                 GroupAdministration groupAdministration, dev.userpool.core.port.in.AddressChange addressChange,
                                 dev.userpool.core.port.in.AppClientAdministration appClients,
                                 javax.inject.Provider<dev.userpool.embedded.EmbeddedSettings> embedded, ObjectMapper json,
                                 dev.userpool.core.port.in.ChoiceBasedSignIn choiceBasedSignIn,
                                 dev.userpool.core.port.in.Passkeys passkeys, dev.userpool.core.port.in.MultiFactor multiFactor) {
        if (settings.directory() != Settings.DirectoryChoice.EMBEDDED) {
            return CognitoApi.notServed("This app's users are in Amazon Cognito (USERPOOL_DIRECTORY=" 
                    + settings.directory().name().toLowerCase(java.util.Locale.ROOT)
                    + "): call Cognito's own endpoint. This app serves Cognito's API only for its embedded pool.", json);
        }
        applyPoolFile(pool, embedded.get(), appClients, json);
        LOG.info("Cognito user-pool API on POST /: pool {} (region {}), default app client {}{}, USER_SRP_AUTH {}", pool.userPoolId(),
                pool.region(), pool.clientId(), pool.clientSecret().isPresent() ? " with a secret" : "",
                pool.srp() ? "on" : "off (USERPOOL_SRP=off)");
        return CognitoApi.serving(new PoolApiSettings(pool.userPoolId(), pool.clientId(), pool.clientSecret(), pool.srp(),
                        switch (pool.adminCalls()) {
                            case LOOPBACK -> PoolApiSettings.AdminCallers.LOCAL;
                            case ANY -> PoolApiSettings.AdminCallers.ANY;
                            case OFF -> PoolApiSettings.AdminCallers.NOBODY;
                        }, pool.adminUserPasswordAuth()), callers, registration, authentication, administration, audit,
                accountAttributes, passwords, groupAdministration, addressChange, appClients, json, choiceBasedSignIn, multiFactor)
                .withPasskeys(passkeys);
    }

    /**
     * Before the API answers: the default client as the settings make it, then the pool file's clients
     * and resource servers (issue 15). A file that cannot be applied stops the start-up, naming the entry.
     */
    private static void applyPoolFile(LocalPoolSettings pool, dev.userpool.embedded.EmbeddedSettings embedded,
                                      dev.userpool.core.port.in.AppClientAdministration appClients, ObjectMapper json) {
        try {
            dev.userpool.app.http.cognito.PoolFile.apply(pool.poolFile(), DefaultAppClient.of(pool, embedded.idTokenTtl(),
                    embedded.accessTokenTtl(), embedded.refreshTokenTtl()), appClients, json);
        } catch (dev.userpool.app.http.cognito.PoolFile.Refused e) {
            throw new dev.userpool.app.config.InvalidSettingsException(e.getMessage());
        }
        pool.poolFile().ifPresent(f -> LOG.info("Pool file {} applied: {} app clients, {} resource servers", f,
                appClients.listClients().size(), appClients.listResourceServers().size()));
    }
}
