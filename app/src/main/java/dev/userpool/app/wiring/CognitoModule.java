package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.userpool.app.config.CognitoSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoAccountImport;
import dev.userpool.cognito.CognitoAccountProvisioner;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoGroupDirectory;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.port.out.AccountImport;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code USERPOOL_DIRECTORY=cognito}: one {@link CognitoIdentityProviderClient} (explicit timeouts,
 * the SDK's standard retries, built by {@link AwsClients}), shared by the {@link CognitoUserDirectory}, the
 * {@link CognitoAuthenticator} and the {@link CognitoTokenVerifier}. Nothing here is built unless
 * {@link PortsModule} chooses Cognito; the admin group comes from the tokens' {@code cognito:groups}
 * and {@code USERPOOL_ADMIN_EMAILS}, as the core's AdminPolicy decides.
 */
@Module
public final class CognitoModule {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoModule.class);

    private CognitoModule() {}

    /** What was opened for Cognito, closed on shutdown; empty unless Cognito was chosen. */
    static final class CognitoResources extends OpenedResources {}

    @Provides
    @Singleton
    static CognitoResources cognitoResources() {
        return new CognitoResources();
    }

    @Provides
    @IntoSet
    static AutoCloseable closeCognito(CognitoResources resources) {
        return resources;
    }

    @Provides
    @Singleton
    static CognitoSettings cognitoSettings(Settings settings) {
        return CognitoSettings.from(settings.environment());
    }

    /** Cognito answers in well under a second; an attempt that takes 5 s has failed. Sign-in with SRP makes two calls. */
    static final AwsClients.Limits LIMITS = new AwsClients.Limits(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(12), 3);

    @Provides
    @Singleton
    static CognitoIdentityProviderClient cognitoClient(CognitoSettings cognito, CognitoResources resources) {
        CognitoIdentityProviderClient client = AwsClients.build(CognitoIdentityProviderClient.builder(),
                new AwsClients.Connection(Region.of(cognito.region()), cognito.endpoint(), cognito.localCredentials(), LIMITS),
                resources);
        LOG.info("User directory: Cognito pool {} ({}), app client {}{}, sign-in with {}", cognito.userPoolId(),
                cognito.endpoint().map(Object::toString).orElse(cognito.region()), cognito.clientId(),
                cognito.clientSecret().isPresent() ? " (with a secret)" : "", cognito.flow());
        return client;
    }

    @Provides
    @Singleton
    static CognitoUserDirectory cognitoDirectory(CognitoIdentityProviderClient client, CognitoSettings cognito) {
        return new CognitoUserDirectory(client, pool(cognito), appClient(cognito));
    }

    /** Address changes by the user's access token (issue 13). */
    @Provides
    @Singleton
    static dev.userpool.cognito.CognitoEmailChanges cognitoEmailChanges(CognitoIdentityProviderClient client,
                                                                        CognitoSettings cognito) {
        return new dev.userpool.cognito.CognitoEmailChanges(client, pool(cognito));
    }

    @Provides
    @Singleton
    static CognitoGroupDirectory cognitoGroups(CognitoIdentityProviderClient client, CognitoSettings cognito) {
        return new CognitoGroupDirectory(client, pool(cognito));
    }

    @Provides
    @Singleton
    static CognitoAuthenticator cognitoAuthenticator(CognitoIdentityProviderClient client, CognitoSettings cognito, Clock clock) {
        return new CognitoAuthenticator(client, pool(cognito), appClient(cognito), signInFlow(cognito), clock);
    }

    @Provides
    @Singleton
    static CognitoAccountProvisioner cognitoAccountProvisioner(CognitoIdentityProviderClient client, CognitoSettings cognito) {
        return new CognitoAccountProvisioner(client, pool(cognito));
    }

    @Provides
    @Singleton
    static CognitoTokenVerifier cognitoTokenVerifier(CognitoSettings cognito, Clock clock) {
        return new CognitoTokenVerifier(pool(cognito), appClient(cognito), clock);
    }

    /** For {@code users import --to cognito}: built only when that command asks. */
    @Provides
    @Singleton
    static AccountImport cognitoAccountImport(CognitoIdentityProviderClient client, CognitoSettings cognito) {
        return new CognitoAccountImport(client, pool(cognito));
    }

    // The settings are plain values (config knows no adapter); here they become the adapter's own.

    public static CognitoPool pool(CognitoSettings cognito) {
        return new CognitoPool(cognito.region(), cognito.userPoolId(), cognito.endpoint());
    }

    public static AppClient appClient(CognitoSettings cognito) {
        return new AppClient(cognito.clientId(), cognito.clientSecret());
    }

    static SignInFlow signInFlow(CognitoSettings cognito) {
        return switch (cognito.flow()) {
            case USER_SRP_AUTH -> SignInFlow.USER_SRP_AUTH;
            case USER_PASSWORD_AUTH -> SignInFlow.USER_PASSWORD_AUTH;
            case ADMIN_USER_PASSWORD_AUTH -> SignInFlow.ADMIN_USER_PASSWORD_AUTH;
        };
    }
}
