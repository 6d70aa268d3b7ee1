package dev.userpool.app.localpool;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoClients;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * userpool's own Cognito adapters, exactly as the app builds them for a real pool, with the endpoint
 * set to a running embedded app: the Java SRP client ({@code USER_SRP_AUTH}) against an independent
 * server for the first time. The app runs without user-enumeration protection, like a pool with
 * PreventUserExistenceErrors LEGACY, which the adapter contracts are written for (unknown users are
 * {@code UserNotFound}).
 */
final class LocalPoolForCognitoAdapter implements AutoCloseable {
    final RunningApp app;
    final ApiClient api;
    final CognitoPool pool;
    final CognitoIdentityProviderClient client;
    final CognitoUserDirectory directory;
    final CognitoAuthenticator authenticator;
    final CognitoTokenVerifier verifier;

    private LocalPoolForCognitoAdapter(RunningApp app, SignInFlow flow) {
        this.app = app;
        this.api = new ApiClient(app.baseUrl());
        this.pool = new CognitoPool("local", LocalPoolSettings.DEFAULT_POOL_ID, Optional.of(app.baseUrl()));
        AppClient appClient = AppClient.withoutSecret(EmbeddedSettings.DEFAULT_CLIENT_ID);
        this.client = CognitoClients.build(pool, CognitoClients.credentials(pool, false), CognitoClients.Timeouts.defaults());
        this.directory = new CognitoUserDirectory(client, pool, appClient);
        this.authenticator = new CognitoAuthenticator(client, pool, appClient, flow, Clock.systemUTC());
        this.verifier = new CognitoTokenVerifier(pool, appClient, Clock.systemUTC());
    }

    static LocalPoolForCognitoAdapter start() {
        return start(SignInFlow.USER_SRP_AUTH);
    }

    /** With the authenticator signing in by {@code flow}. */
    static LocalPoolForCognitoAdapter start(SignInFlow flow) {
        return new LocalPoolForCognitoAdapter(RunningApp.start(Map.of("USERPOOL_PREVENT_USER_EXISTENCE_ERRORS", "false")), flow);
    }

    /** The newest code in the app's development mailbox (confirmation or reset). */
    String lastCodeSentTo(EmailAddress email) {
        return api.latestCode(email.value());
    }

    @Override
    public void close() {
        client.close();
        app.close();
    }
}
