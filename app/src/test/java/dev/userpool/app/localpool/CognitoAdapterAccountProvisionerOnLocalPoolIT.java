package dev.userpool.app.localpool;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoAccountProvisioner;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoClients;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.cognito.CognitoTokenVerifier;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.contract.AccountProvisionerContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The provisioner contract on {@link CognitoAccountProvisioner} and the Cognito authenticator's
 * NEW_PASSWORD_REQUIRED path, through the real AWS SDK against a running embedded app standing in for
 * Cognito: the app and the adapter share one clock, so the expiries (temporary password, challenge
 * session) can be shown, which a separate emulator process cannot.
 */
class CognitoAdapterAccountProvisionerOnLocalPoolIT extends AccountProvisionerContract {
    @RegisterExtension
    static final ContractExceptions AWS = new ContractExceptions()
            .skip("aChangeFromAStaleReadIsRefused", "AWS: AdminSetUserPassword takes no condition on the account's"
                    + " state (API reference); the last operator's password wins, as in the Cognito console");

    static final MutableClock CLOCK = MutableClock.at(Instant.now());
    static RunningApp app;
    static ApiClient api;
    static CognitoIdentityProviderClient client;
    static CognitoAccountProvisioner provisioner;
    static CognitoUserDirectory directory;
    static CognitoAuthenticator authenticator;
    static CognitoTokenVerifier verifier;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_PREVENT_USER_EXISTENCE_ERRORS", "false"), CLOCK);
        api = new ApiClient(app.baseUrl());
        CognitoPool pool = new CognitoPool("local", LocalPoolSettings.DEFAULT_POOL_ID, Optional.of(app.baseUrl()));
        AppClient appClient = AppClient.withoutSecret(EmbeddedSettings.DEFAULT_CLIENT_ID);
        client = CognitoClients.build(pool, CognitoClients.credentials(pool, false), CognitoClients.Timeouts.defaults());
        provisioner = new CognitoAccountProvisioner(client, pool);
        directory = new CognitoUserDirectory(client, pool, appClient);
        authenticator = new CognitoAuthenticator(client, pool, appClient, SignInFlow.USER_SRP_AUTH, CLOCK);
        verifier = new CognitoTokenVerifier(pool, appClient, CLOCK);
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (app != null) app.close();
    }

    @Override
    protected AccountProvisioner provisioner() {
        return provisioner;
    }

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected Authenticator authenticator() {
        return authenticator;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return verifier;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return api.latestCode(email.value());
    }

    @Override
    protected Instant now() {
        return CLOCK.instant();
    }

    @Override
    protected void advanceClock(Duration by) {
        CLOCK.advance(by);
    }
}
