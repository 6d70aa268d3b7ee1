package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.AppClient;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Several app clients, through the AWS SDK for Java as a project's set-up script would make them: a second
 * client with a secret signs users in (its SECRET_HASH, its tokens' aud / client_id, its validities), a flow
 * its ExplicitAuthFlows lack is refused in Cognito's words, another client's refresh token is refused, and
 * a deleted client's tokens stop working. Bad settings get Cognito's errors; nothing is stored on a refusal.
 */
class AppClientsSdkTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String PASSWORD = "Correct-Horse-9!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningApp app;
    private CognitoIdentityProviderClient sdk;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of());
        sdk = CognitoSdk.client(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (sdk != null) sdk.close();
        if (app != null) app.close();
    }

    private UserPoolClientType createSecondClient() {
        return sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("backend").generateSecret(true)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .accessTokenValidity(10).idTokenValidity(20)
                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES))).userPoolClient();
    }

    private String signUpAndConfirm(String email, AppClient client) {
        sdk.signUp(b -> b.clientId(client.clientId()).username(email).password(PASSWORD)
                .secretHash(client.secretHash(email).orElseThrow()));
        String code = new ApiClient(app.baseUrl()).latestCode(email);
        sdk.confirmSignUp(b -> b.clientId(client.clientId()).username(email).confirmationCode(code)
                .secretHash(client.secretHash(email).orElseThrow()));
        return email;
    }

    private AuthenticationResultType signIn(AppClient client, String email) {
        return sdk.initiateAuth(b -> b.clientId(client.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD, "SECRET_HASH", client.secretHash(email).orElseThrow())))
                .authenticationResult();
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void aSecondClientSignsUsersInWithItsSecretAndItsTokens() throws Exception {
        UserPoolClientType created = createSecondClient();
        assertThat(created.clientId()).matches("[a-z0-9]{26}");
        assertThat(created.clientSecret()).matches("[a-z0-9]{51}");
        AppClient backend = AppClient.withSecret(created.clientId(), created.clientSecret());
        String email = signUpAndConfirm("second-client@example.com", backend);

        AuthenticationResultType tokens = signIn(backend, email);

        JsonNode id = claims(tokens.idToken());
        JsonNode access = claims(tokens.accessToken());
        assertThat(id.path("aud").asText()).isEqualTo(backend.clientId());
        assertThat(access.path("client_id").asText()).isEqualTo(backend.clientId());
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(600);
        assertThat(id.path("exp").asLong() - id.path("iat").asLong()).isEqualTo(1200);
        assertThat(tokens.expiresIn()).isEqualTo(600);
        assertThat(sdk.getUser(b -> b.accessToken(tokens.accessToken())).username()).isNotBlank();

        // a refresh keeps the client: with its own ClientId, its tokens again; with another's, refused
        AuthenticationResultType refreshed = sdk.initiateAuth(b -> b.clientId(backend.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken(),
                        "SECRET_HASH", backend.secretHash(email).orElseThrow()))).authenticationResult();
        assertThat(claims(refreshed.accessToken()).path("client_id").asText()).isEqualTo(backend.clientId());
        assertThatThrownBy(() -> sdk.initiateAuth(b -> b.clientId(LocalPoolSettings.DEFAULT_CLIENT_ID)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))))
                .isInstanceOf(NotAuthorizedException.class);

        // the default client still signs in as before, with its own id in the tokens
        AuthenticationResultType viaDefault = sdk.initiateAuth(b -> b.clientId(LocalPoolSettings.DEFAULT_CLIENT_ID)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))
                .authenticationResult();
        assertThat(claims(viaDefault.idToken()).path("aud").asText()).isEqualTo(LocalPoolSettings.DEFAULT_CLIENT_ID);
    }

    @Test
    void aFlowTheClientLacksAndAWrongSecretHashAreRefused() {
        UserPoolClientType created = createSecondClient();
        AppClient backend = AppClient.withSecret(created.clientId(), created.clientSecret());
        String email = signUpAndConfirm("flows@example.com", backend);

        assertThatThrownBy(() -> sdk.initiateAuth(b -> b.clientId(backend.clientId()).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", email, "SRP_A", "abc", "SECRET_HASH", backend.secretHash(email).orElseThrow()))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("USER_SRP_AUTH flow not enabled for this client"));
        AppClient withDefaultsSecret = AppClient.withSecret(backend.clientId(), "not-its-secret");
        assertThatThrownBy(() -> signIn(withDefaultsSecret, email))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Unable to verify secret hash for client " + backend.clientId()));
        assertThatThrownBy(() -> sdk.initiateAuth(b -> b.clientId("nosuchclient").authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("User pool client nosuchclient does not exist."));
    }

    @Test
    void aDeletedClientsTokensStopWorking() {
        UserPoolClientType created = createSecondClient();
        AppClient backend = AppClient.withSecret(created.clientId(), created.clientSecret());
        String email = signUpAndConfirm("deleted-client@example.com", backend);
        AuthenticationResultType tokens = signIn(backend, email);
        ApiClient api = new ApiClient(app.baseUrl());
        assertThat(api.get("/api/me", tokens.accessToken()).status()).isEqualTo(200);

        sdk.deleteUserPoolClient(b -> b.userPoolId(POOL).clientId(backend.clientId()));

        assertThat(api.get("/api/me", tokens.accessToken()).status()).isEqualTo(401);
        assertThatThrownBy(() -> sdk.getUser(b -> b.accessToken(tokens.accessToken()))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> signIn(backend, email)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sdk.describeUserPoolClient(b -> b.userPoolId(POOL).clientId(backend.clientId())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sdk.deleteUserPoolClient(b -> b.userPoolId(POOL).clientId(LocalPoolSettings.DEFAULT_CLIENT_ID)))
                .as("the default client stays").isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void describeListAndUpdateAsCognitoDoes() {
        UserPoolClientType created = createSecondClient();
        UserPoolClientType described = sdk.describeUserPoolClient(b -> b.userPoolId(POOL).clientId(created.clientId())).userPoolClient();
        assertThat(described.clientSecret()).isEqualTo(created.clientSecret());
        assertThat(described.explicitAuthFlows()).containsExactlyInAnyOrder(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
        assertThat(described.accessTokenValidity()).isEqualTo(10);
        assertThat(described.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);

        // an update replaces everything: what it leaves out is Cognito's default again; the secret stays
        UserPoolClientType updated = sdk.updateUserPoolClient(b -> b.userPoolId(POOL).clientId(created.clientId())
                .callbackURLs("https://app.example.com/cb").allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                .allowedOAuthFlowsUserPoolClient(true).supportedIdentityProviders("COGNITO")).userPoolClient();
        assertThat(updated.clientName()).isEqualTo("backend");
        assertThat(updated.clientSecret()).isEqualTo(created.clientSecret());
        assertThat(updated.explicitAuthFlows()).containsExactlyInAnyOrder(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH);
        assertThat(updated.accessTokenValidity()).isEqualTo(1);
        assertThat(updated.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.HOURS);
        assertThat(updated.callbackURLs()).containsExactly("https://app.example.com/cb");

        sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("third"));
        var first = sdk.listUserPoolClients(b -> b.userPoolId(POOL).maxResults(2));
        assertThat(first.userPoolClients()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        var rest = sdk.listUserPoolClients(b -> b.userPoolId(POOL).maxResults(2).nextToken(first.nextToken()));
        assertThat(rest.userPoolClients()).hasSize(1);
        assertThat(rest.nextToken()).isNull();
        assertThat(first.userPoolClients().get(0).userPoolId()).isEqualTo(POOL);
    }

    @Test
    void badSettingsGetCognitosErrorsAndNothingIsStored() {
        assertThatThrownBy(() -> sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("web")
                .callbackURLs("http://app.example.com/cb").allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                .allowedOAuthFlowsUserPoolClient(true))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("web")
                .callbackURLs("https://app.example.com/cb#token").allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid")
                .allowedOAuthFlowsUserPoolClient(true))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("machine")
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("openid").allowedOAuthFlowsUserPoolClient(true)))
                .isInstanceOfSatisfying(InvalidOAuthFlowException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("client_credentials flow can not be selected if client does not have a client secret."));
        assertThatThrownBy(() -> sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("web")
                .callbackURLs("https://app.example.com/cb").allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("orders/read")
                .allowedOAuthFlowsUserPoolClient(true)))
                .isInstanceOfSatisfying(ScopeDoesNotExistException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Invalid scope requested: orders/read"));
        assertThatThrownBy(() -> sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("x".repeat(129))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sdk.createUserPoolClient(b -> b.userPoolId("local_Other1").clientName("web")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sdk.listUserPoolClients(b -> b.userPoolId(POOL)).userPoolClients())
                .extracting(c -> c.clientId()).containsExactly(LocalPoolSettings.DEFAULT_CLIENT_ID);
    }

    @Test
    void resourceServersDefineTheScopesAClientMayHave() {
        sdk.createResourceServer(b -> b.userPoolId(POOL).identifier("https://orders.example.com").name("Orders")
                .scopes(s -> s.scopeName("read").scopeDescription("Read orders")));
        UserPoolClientType machine = sdk.createUserPoolClient(b -> b.userPoolId(POOL).clientName("machine").generateSecret(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("https://orders.example.com/read")
                .allowedOAuthFlowsUserPoolClient(true)).userPoolClient();
        assertThat(machine.allowedOAuthScopes()).containsExactly("https://orders.example.com/read");
        var described = sdk.describeResourceServer(b -> b.userPoolId(POOL).identifier("https://orders.example.com")).resourceServer();
        assertThat(described.name()).isEqualTo("Orders");
        assertThat(described.scopes()).extracting(s -> s.scopeName()).containsExactly("read");
        sdk.updateResourceServer(b -> b.userPoolId(POOL).identifier("https://orders.example.com").name("Orders v2")
                .scopes(s -> s.scopeName("read").scopeDescription("Read"), s -> s.scopeName("write").scopeDescription("Write")));
        assertThat(sdk.listResourceServers(b -> b.userPoolId(POOL).maxResults(10)).resourceServers())
                .singleElement().satisfies(s -> assertThat(s.scopes()).hasSize(2));
        sdk.deleteResourceServer(b -> b.userPoolId(POOL).identifier("https://orders.example.com"));
        assertThatThrownBy(() -> sdk.describeResourceServer(b -> b.userPoolId(POOL).identifier("https://orders.example.com")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sdk.createResourceServer(b -> b.userPoolId(POOL).identifier("bad\"id").name("x")))
                .isInstanceOf(CognitoIdentityProviderException.class);
    }
}
