package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.SoftPasskeyAuthenticator;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * Issue 14: choice-based sign-in on the server side — AdminInitiateAuth with {@code AuthFlow=USER_AUTH}
 * and AdminRespondToAuthChallenge for its challenges ({@code SELECT_CHALLENGE}, {@code EMAIL_OTP},
 * {@code PASSWORD}, {@code PASSWORD_SRP}/{@code PASSWORD_VERIFIER}, {@code WEB_AUTHN}) through the AWS SDK for
 * Java, as Cognito serves it: the same answers and rules as InitiateAuth's, taken only from admin callers,
 * with the user's address from {@code ContextData} in the events.
 */
class AdminUserAuthSdkTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";

    private final MutableClock clock = MutableClock.at(Instant.now());
    private final ObjectMapper json = new ObjectMapper();
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
    void selectChallengeThenAnEmailedCodeSignsInAndTheEventsCarryTheUsersAddress() {
        start(Map.of());
        String email = confirmedUser();

        AdminInitiateAuthResponse select = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(Map.of("USERNAME", email))
                .contextData(AdminInitiateAuthTest.context("203.0.113.9", "curl/8.5.0")));
        assertThat(select.challengeName()).isEqualTo(ChallengeNameType.SELECT_CHALLENGE);
        assertThat(select.availableChallenges()).containsExactly(ChallengeNameType.EMAIL_OTP, ChallengeNameType.PASSWORD,
                ChallengeNameType.PASSWORD_SRP);

        AdminRespondToAuthChallengeResponse otp = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.SELECT_CHALLENGE).session(select.session())
                .challengeResponses(Map.of("USERNAME", email, "ANSWER", "EMAIL_OTP")));
        assertThat(otp.challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(otp.challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL")
                .containsEntry("CODE_DELIVERY_DESTINATION", email.charAt(0) + "***@e***.com");

        AuthenticationResultType tokens = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.EMAIL_OTP).session(otp.session())
                .challengeResponses(Map.of("USERNAME", email, "EMAIL_OTP_CODE", api.latestSignInCode(email)))
                .contextData(AdminInitiateAuthTest.context("203.0.113.9", "curl/8.5.0"))).authenticationResult();

        assertThat(api.get("/api/me", tokens.accessToken()).json().path("email").asText()).isEqualTo(email);
        AuditEvent offered = eventsOf(email, AuditEventType.FIRST_FACTOR_CHOICE_OFFERED).get(0);
        assertThat(offered.context().sourceIp()).contains("203.0.113.9");
        assertThat(eventsOf(email, AuditEventType.EMAIL_OTP_SIGN_IN).get(0).context().sourceIp()).contains("203.0.113.9");
    }

    @Test
    void aPreferredPasswordSignsInAtOnceAndAWrongOneIsRefusedAsByInitiateAuth() {
        start(Map.of());
        String email = confirmedUser();
        AdminInitiateAuthResponse answer = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD)));
        assertThat(answer.authenticationResult().idToken()).isNotBlank();

        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", "Wrong-Horse-9!"))))
                .isInstanceOf(NotAuthorizedException.class).satisfies(message("Incorrect username or password."));
        // SELECT_CHALLENGE answered with the password
        AdminInitiateAuthResponse select = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(Map.of("USERNAME", email)));
        assertThat(cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.SELECT_CHALLENGE).session(select.session())
                .challengeResponses(Map.of("USERNAME", email, "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void passwordSrpIsAnsweredWithAdminRespondToAuthChallenge() {
        start(Map.of());
        String email = confirmedUser();
        SrpClient srp = new SrpClient(POOL, clock);
        SrpStart begun = srp.start();
        AdminInitiateAuthResponse challenge = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", begun.srpA())));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);

        PasswordClaim claim = srp.answer(begun, PasswordVerifierChallenge.from(challenge.challengeParameters()), Password.of(PASSWORD));
        AuthenticationResultType tokens = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(new HashMap<>(claim.challengeResponses())))
                .authenticationResult();
        assertThat(tokens.idToken()).isNotBlank();
    }

    @Test
    void aPasskeySignsInThroughTheAdminVariant() throws Exception {
        start(Map.of("USERPOOL_BASE_URL", "http://localhost:{port}"));
        SoftPasskeyAuthenticator device = new SoftPasskeyAuthenticator("http://localhost:" + app.baseUrl().getPort());
        String email = "admin-ua-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);
        String token = api.accessToken(email);
        String created = device.register(api.post("/api/passkeys/options", Map.of(), token).text());
        assertThat(api.post("/api/passkeys", Map.of("credential", json.readTree(created)), token).status()).isEqualTo(201);

        AdminInitiateAuthResponse challenge = cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "WEB_AUTHN")));
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.WEB_AUTHN);
        String assertion = device.assertion(challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS"));

        AuthenticationResultType tokens = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.WEB_AUTHN).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", email, "CREDENTIAL", assertion))).authenticationResult();
        assertThat(api.get("/api/me", tokens.accessToken()).json().path("email").asText()).isEqualTo(email);
        // the assertion is used: the same answer again is refused
        assertThatThrownBy(() -> cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.WEB_AUTHN).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", email, "CREDENTIAL", assertion))))
                .isInstanceOf(CognitoIdentityProviderException.class);
    }

    @Test
    void anUnknownNameGetsTheSameChallengeAndNoMail() {
        start(Map.of());
        String known = confirmedUser();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        AdminInitiateAuthResponse k = askCode(known);
        AdminInitiateAuthResponse u = askCode(unknown);
        assertThat(u.challengeName()).isEqualTo(k.challengeName());
        assertThat(u.challengeParameters().keySet()).isEqualTo(k.challengeParameters().keySet());
        assertThat(u.session()).hasSameSizeAs(k.session());
        assertThat(api.signInCodes(unknown)).isEmpty();
        assertThatThrownBy(() -> cognito.adminRespondToAuthChallenge(b -> b.userPoolId(POOL).clientId(CLIENT)
                .challengeName(ChallengeNameType.EMAIL_OTP).session(u.session())
                .challengeResponses(Map.of("USERNAME", unknown, "EMAIL_OTP_CODE", "12345678"))))
                .isInstanceOf(CodeMismatchException.class).satisfies(message("Invalid code or auth state for the user."));
    }

    @Test
    void onlyAdminCallersMayBeginIt() {
        start(Map.of());
        String email = confirmedUser();
        // from a web page (the SDK's HTTP client cannot send Origin, so the call is made by hand)
        ApiClient.Response fromPage = api.send(HttpRequest.newBuilder(app.url("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1").header("Origin", "https://evil.example")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminInitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + POOL + "\",\"ClientId\":\"" + CLIENT
                        + "\",\"AuthFlow\":\"USER_AUTH\",\"AuthParameters\":{\"USERNAME\":\"" + email
                        + "\",\"PREFERRED_CHALLENGE\":\"EMAIL_OTP\"}}")).build());
        assertThat(fromPage.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(fromPage.text()).doesNotContain("Session");
        assertThat(api.signInCodes(email)).as("no code was mailed").isEmpty();
        assertThat(eventsOf(email, AuditEventType.EMAIL_OTP_SENT)).isEmpty();
    }

    @Test
    void nobodyMayBeginItWhenAdminOperationsAreOff() {
        start(Map.of("USERPOOL_POOL_ADMIN", "off"));
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email)));
        assertThatThrownBy(() -> askCode(email)).isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        assertThat(api.signInCodes(email)).isEmpty();
    }

    @Test
    void aClientWithoutUserAuthRefusesTheFlow() {
        start(Map.of());
        String email = confirmedUser();
        String other = cognito.createUserPoolClient(b -> b.userPoolId(POOL).clientName("no-user-auth")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(other).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", email, "PREFERRED_CHALLENGE", "EMAIL_OTP"))))
                .isInstanceOf(InvalidParameterException.class).satisfies(message("USER_AUTH flow not enabled for this client"));
        assertThatThrownBy(() -> cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("PREFERRED_CHALLENGE", "EMAIL_OTP"))))
                .isInstanceOf(InvalidParameterException.class).satisfies(message("Missing required parameter USERNAME"));
        assertThat(api.signInCodes(email)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private AdminInitiateAuthResponse askCode(String username) {
        return cognito.adminInitiateAuth(b -> b.userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", username, "PREFERRED_CHALLENGE", "EMAIL_OTP")));
    }

    private String confirmedUser() {
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email)));
        return email;
    }

    private static String address() {
        return "admin-ua-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }


    /** The account's events of one type, newest first. */
    private List<AuditEvent> eventsOf(String email, AuditEventType type) {
        return app.component().auditQueries().forEmail(email, PageRequest.first(60)).items().stream()
                .filter(e -> e.type() == type).toList();
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> message(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }
}
