package dev.userpool.app.localpool;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoAuthenticator;
import dev.userpool.cognito.CognitoClients;
import dev.userpool.cognito.CognitoPool;
import dev.userpool.cognito.CognitoUserDirectory;
import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * {@code USERPOOL_CLIENT_SECRET}: the app client has a secret, so every call that names a user must carry
 * the right {@code SECRET_HASH}, as Cognito checks it. userpool's Cognito adapter, configured with the
 * secret, signs up, confirms, signs in with SRP and refreshes against it.
 */
class ClientSecretTest {
    private static final String CLIENT = "secretclient";
    private static final String SECRET = "local-client-secret-0123456789";
    private static final Password PASSWORD = Password.of("Correct-Horse-9!");

    private RunningApp app;
    private CognitoIdentityProviderClient sdk;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of("USERPOOL_CLIENT_ID", CLIENT, "USERPOOL_CLIENT_SECRET", SECRET));
        sdk = CognitoSdk.client(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (sdk != null) sdk.close();
        if (app != null) app.close();
    }

    @Test
    void callsWithoutTheRightSecretHashAreRefusedInCognitosWords() {
        AppClient appClient = AppClient.withSecret(CLIENT, SECRET);
        assertThatThrownBy(() -> sdk.signUp(b -> b.clientId(CLIENT).username("a@example.com").password(PASSWORD.reveal())))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Client secretclient is configured with secret but SECRET_HASH was not received"));
        assertThatThrownBy(() -> sdk.signUp(b -> b.clientId(CLIENT).username("a@example.com").password(PASSWORD.reveal())
                .secretHash(appClient.secretHash("b@example.com").orElseThrow())))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Unable to verify secret hash for client secretclient"));
        assertThatThrownBy(() -> sdk.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", "a@example.com", "PASSWORD", PASSWORD.reveal()))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(new ApiClient(app.baseUrl()).get("/api/dev/mailbox?to=a@example.com").json().path("messages"))
                .as("nothing was signed up").isEmpty();
    }

    @Test
    void theCognitoAdapterWithTheSecretSignsInWithSrpAndRefreshes() {
        CognitoPool pool = new CognitoPool("local", LocalPoolSettings.DEFAULT_POOL_ID, Optional.of(app.baseUrl()));
        AppClient appClient = AppClient.withSecret(CLIENT, SECRET);
        try (CognitoIdentityProviderClient client = CognitoClients.build(pool, CognitoClients.credentials(pool, false),
                CognitoClients.Timeouts.defaults())) {
            CognitoUserDirectory directory = new CognitoUserDirectory(client, pool, appClient);
            CognitoAuthenticator authenticator = new CognitoAuthenticator(client, pool, appClient, SignInFlow.USER_SRP_AUTH,
                    Clock.systemUTC());
            EmailAddress email = new EmailAddress("secret-rider@example.com");
            directory.signUp(email, PASSWORD, true);
            confirmByCode(directory, email, ConfirmationCode.parse(new ApiClient(app.baseUrl()).latestCode(email.value())));

            Tokens tokens = authenticator.signIn(email, PASSWORD).tokens();   // SECRET_HASH over the address, then over the sub
            Tokens refreshed = authenticator.refresh(tokens.refreshToken().orElseThrow()).tokens();   // GetTokensFromRefreshToken with the secret

            assertThat(new ApiClient(app.baseUrl()).get("/api/me", refreshed.accessToken()).json().path("email").asText())
                    .isEqualTo(email.value());
            assertThatThrownBy(() -> sdk.initiateAuth(b -> b.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(CLIENT)
                    .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken().orElseThrow(),
                            "SECRET_HASH", appClient.secretHash("someone-else").orElseThrow()))))
                    .as("a refresh hashed for another user").isInstanceOf(NotAuthorizedException.class);
        }
    }
}
