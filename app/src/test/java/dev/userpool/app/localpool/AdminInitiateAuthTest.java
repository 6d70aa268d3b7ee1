package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.embedded.EmbeddedSettings;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ContextDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.HttpHeader;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;

/**
 * AdminInitiateAuth through the AWS SDK for Java: a backend signs its user in with admin credentials.
 * It is InitiateAuth's password sign-in and refresh — same answers, lockout, enumeration protection and
 * audit — taken only from admin callers, with the user's address from ContextData.
 */
class AdminInitiateAuthTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";
    private static final String WRONG = "Wrong-Horse-9!";

    private final MutableClock clock = MutableClock.at(Instant.now());
    private RunningApp app;
    private ApiClient api;
    private CognitoIdentityProviderClient cognito;

    private void start(Map<String, String> env) {
        app = RunningApp.start(env, clock);
        api = new ApiClient(app.baseUrl());
        cognito = CognitoSdk.client(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (cognito != null) cognito.close();
        if (app != null) app.close();
    }

    @Test
    void aBackendSignsItsUserInAndTheEventCarriesTheUsersAddressFromContextData() {
        start(Map.of());
        String email = confirmedUser();

        AuthenticationResultType tokens = cognito.adminInitiateAuth(signIn(email, PASSWORD)
                .contextData(context("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")).build())
                .authenticationResult();

        assertThat(api.get("/api/me", tokens.accessToken()).json().path("email").asText()).isEqualTo(email);
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        AuditEvent signIn = signIns(email).get(0);
        assertThat(signIn.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(signIn.context().sourceIp()).contains("203.0.113.7");
        assertThat(signIn.context().userAgent()).contains("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(signIn.passwordChecked()).contains(true);

        // Cognito's older name for the flow, and without ContextData the caller's own address
        clock.advance(Duration.ofSeconds(1));   // events of one instant are ordered by their random ids
        cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.ADMIN_NO_SRP_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)));
        assertThat(signIns(email).get(0).context().sourceIp()).hasValueSatisfying(ip -> assertThat(ip).matches("127\\..*|.*:.*"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAnswerAlikeWhileDisabledAndUnconfirmedUsersAreToldSo() {
        start(Map.of());
        String email = confirmedUser();
        assertThatThrownBy(() -> adminSignIn(email, WRONG)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Incorrect username or password."));
        assertThatThrownBy(() -> adminSignIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Incorrect username or password."));

        cognito.adminDisableUser(b -> b.userPoolId(POOL).username(email));
        assertThatThrownBy(() -> adminSignIn(email, PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("User is disabled."));

        String waiting = address();
        signUp(waiting);
        assertThatThrownBy(() -> adminSignIn(waiting, PASSWORD)).isInstanceOf(UserNotConfirmedException.class)
                .satisfies(cognitoMessage("User is not confirmed."));
        assertThat(signIns(email)).extracting(AuditEvent::outcome).containsExactly(Outcome.FAILURE, Outcome.FAILURE);
    }

    @Test
    void withoutEnumerationProtectionAnUnknownUserIsNamed() {
        start(Map.of("USERPOOL_PREVENT_USER_EXISTENCE_ERRORS", "false"));
        assertThatThrownBy(() -> adminSignIn("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD))
                .isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UserNotFoundException"));
    }

    @Test
    void refreshTokenAuthRefreshesAsInitiateAuthDoes() {
        start(Map.of());
        String email = confirmedUser();
        AuthenticationResultType first = adminSignIn(email, PASSWORD);

        AuthenticationResultType refreshed = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())))
                .authenticationResult();

        assertThat(refreshed.refreshToken()).isNull();
        assertThat(api.get("/api/me", refreshed.accessToken()).status()).isEqualTo(200);
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.REFRESH_TOKEN).authParameters(Map.of("REFRESH_TOKEN", "not-a-refresh-token"))))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void theLockoutCountsAdminAttemptsForEveryFlow() {
        start(Map.of());
        String email = confirmedUser();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> adminSignIn(email, WRONG)).isInstanceOf(NotAuthorizedException.class)
                    .satisfies(cognitoMessage("Incorrect username or password."));
        }
        assertThatThrownBy(() -> adminSignIn(email, PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Password attempts exceeded"));
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Password attempts exceeded"));
        clock.advance(Duration.ofMinutes(15));
        assertThat(adminSignIn(email, PASSWORD).idToken()).isNotBlank();
    }

    @Test
    void onlyAdminCallersMaySignUsersIn() {
        start(Map.of());
        String email = confirmedUser();
        // from a web page (the SDK's HTTP client cannot send Origin, so the call is made by hand)
        ApiClient.Response fromPage = api.send(HttpRequest.newBuilder(app.url("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1").header("Origin", "https://evil.example")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminInitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + POOL + "\",\"ClientId\":\"" + CLIENT
                        + "\",\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + email
                        + "\",\"PASSWORD\":\"" + PASSWORD + "\"}}")).build());
        assertThat(fromPage.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(fromPage.json().path("message").asText()).contains("cognito-idp:AdminInitiateAuth");
        assertThat(fromPage.text()).doesNotContain("AccessToken");
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId("local_Other1").clientId(CLIENT)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))))
                .isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThat(signIns(email)).as("nothing was tried").isEmpty();
    }

    @Test
    void nobodyMaySignUsersInWhenAdminOperationsAreOff() {
        start(Map.of("USERPOOL_POOL_ADMIN", "off"));
        String email = address();
        signUp(email);
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email)));
        assertThatThrownBy(() -> adminSignIn(email, PASSWORD)).isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        assertThat(signIns(email)).isEmpty();
    }

    @Test
    void aClientWithoutAdminUserPasswordAuthRefusesTheFlowButStillRefreshes() {
        start(Map.of("USERPOOL_ADMIN_USER_PASSWORD_AUTH", "off"));
        String email = confirmedUser();
        assertThatThrownBy(() -> adminSignIn(email, PASSWORD)).isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("ADMIN_USER_PASSWORD_AUTH flow not enabled for this client"));
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.ADMIN_NO_SRP_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))).isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("ADMIN_NO_SRP_AUTH flow not enabled for this client"));
        assertThat(signIns(email)).as("no password was tried").isEmpty();

        String refreshToken = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult().refreshToken();
        assertThat(cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void otherFlowsAndBadContextDataAreInvalidParameters() {
        start(Map.of());
        String email = confirmedUser();
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", email)))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("CUSTOM_AUTH");
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD)))).isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("Initiate Auth method not supported"));
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email))))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage("Missing required parameter PASSWORD"));
        assertThatThrownBy(() -> cognito.adminInitiateAuth(signIn(email, PASSWORD).contextData(context("not-an-address", "curl/8")).build()))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage("ContextData.IpAddress is not an IP address."));
        assertThatThrownBy(() -> cognito.adminInitiateAuth(signIn(email, PASSWORD)
                .contextData(b -> b.serverName("app.example").serverPath("/signin").httpHeaders(List.of())).build()))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage(
                        "1 validation error detected: Value null at 'contextData.ipAddress' failed to satisfy constraint: Member must not be null"));
        assertThat(signIns(email)).as("no password was tried").isEmpty();
    }

    @Test
    void aClientWithASecretWantsTheSecretHash() {
        String clientId = "backendclient";
        String secret = "backend-client-secret-0123456789";
        start(Map.of("USERPOOL_CLIENT_ID", clientId, "USERPOOL_CLIENT_SECRET", secret));
        AppClient appClient = AppClient.withSecret(clientId, secret);
        String email = address();
        cognito.signUp(b -> b.clientId(clientId).username(email).password(PASSWORD).secretHash(appClient.secretHash(email).orElseThrow()));
        cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));

        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))))
                .isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Client backendclient is configured with secret but SECRET_HASH was not received"));
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD,
                        "SECRET_HASH", appClient.secretHash("someone-else@example.com").orElseThrow()))))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Unable to verify secret hash for client backendclient"));
        assertThat(signIns(email)).as("no password was tried").isEmpty();

        AuthenticationResultType tokens = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD,
                        "SECRET_HASH", appClient.secretHash(email).orElseThrow()))).authenticationResult();
        String sub = cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).username();
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())))).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Client backendclient is configured with secret but SECRET_HASH was not received"));
        assertThat(cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken(), "SECRET_HASH", appClient.secretHash(sub).orElseThrow())))
                .authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void adminRespondToAuthChallengeAnswersTheChallengesRespondToAuthChallengeDoes() {
        start(Map.of());
        String email = confirmedUser();
        SrpClient srp = new SrpClient(POOL, clock);
        SrpStart start = srp.start();
        InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_SRP_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "SRP_A", start.srpA())));
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(challenge.challengeParameters()), Password.of(PASSWORD));

        AuthenticationResultType tokens = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(challenge.session())
                .challengeResponses(new HashMap<>(claim.challengeResponses()))
                .contextData(context("198.51.100.23", "curl/8.5.0"))).authenticationResult();

        assertThat(api.get("/api/me", tokens.accessToken()).json().path("email").asText()).isEqualTo(email);
        assertThat(signIns(email).get(0).context().sourceIp()).contains("198.51.100.23");
        assertThatThrownBy(() -> cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.SMS_MFA).challengeResponses(Map.of("USERNAME", email))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("SMS_MFA");
        assertThatThrownBy(() -> cognito.adminRespondToAuthChallenge(b -> b.userPoolId("local_Other1").clientId(CLIENT)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(Map.of("USERNAME", email))))
                .isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    // ------------------------------------------------------------------ helpers

    private static String address() {
        return "admin-auth-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> cognitoMessage(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private void signUp(String email) {
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
    }

    private String confirmedUser() {
        String email = address();
        signUp(email);
        cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));
        return email;
    }

    private static AdminInitiateAuthRequest.Builder signIn(String email, String password) {
        return AdminInitiateAuthRequest.builder().userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(new HashMap<>(Map.of("USERNAME", email, "PASSWORD", password)));
    }

    private AuthenticationResultType adminSignIn(String email, String password) {
        return cognito.adminInitiateAuth(signIn(email, password).build()).authenticationResult();
    }

    static ContextDataType context(String ip, String userAgent) {
        return ContextDataType.builder().ipAddress(ip).serverName("app.example").serverPath("/signin")
                .httpHeaders(HttpHeader.builder().headerName("User-Agent").headerValue(userAgent).build()).build();
    }

    /** The account's SIGN_IN events, newest first. */
    private List<AuditEvent> signIns(String email) {
        return app.component().auditQueries().forEmail(email, PageRequest.first(60)).items().stream()
                .filter(e -> e.type() == AuditEventType.SIGN_IN).toList();
    }

}
