package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.Settings;
import dev.userpool.cognito.CognitoSoftwareTokens;
import dev.userpool.core.domain.MfaMode;
import dev.userpool.core.port.out.SoftwareTokens;
import dev.userpool.embedded.EmbeddedDatabase;
import dev.userpool.embedded.SqliteSoftwareTokens;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Authenticator apps (issue 14, TOTP MFA): the pool's {@code USERPOOL_MFA} setting, and where the apps
 * are kept — the embedded directory's {@link SqliteSoftwareTokens}; with Cognito as the directory, Cognito's
 * own ({@link CognitoSoftwareTokens}: enrolment with the holder's access token, settings through the admin API).
 */
@Module
final class MfaModule {
    static final String SETTING = "USERPOOL_MFA";

    private MfaModule() {}

    @Provides
    @Singleton
    static MfaMode mfaMode(Settings settings) {
        return settings.environment().choice(SETTING, MfaMode.class, MfaMode.OPTIONAL);
    }

    @Provides
    @Singleton
    static SqliteSoftwareTokens sqliteSoftwareTokens(EmbeddedDatabase db, MfaMode mode, Clock clock) {
        return SqliteSoftwareTokens.open(db, mode, clock);
    }

    @Provides
    @Singleton
    static Optional<SoftwareTokens> softwareTokens(Settings settings, Provider<SqliteSoftwareTokens> embedded,
                                                   Provider<CognitoIdentityProviderClient> cognito,
                                                   Provider<dev.userpool.app.config.CognitoSettings> cognitoSettings) {
        return Optional.of(switch (settings.directory()) {
            case EMBEDDED -> embedded.get();
            // issue 14: Cognito keeps its users' apps; enrolment goes through it with the holder's access token
            case COGNITO -> new CognitoSoftwareTokens(cognito.get(), CognitoModule.pool(cognitoSettings.get()));
        });
    }
}
