package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.embedded.EmbeddedSettings;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskDecisionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * AdminListUserAuthEvents through the AWS SDK for Java: a user's sign-in history from the audit trail,
 * in Cognito's shapes, newest first, a page at a time.
 */
class AdminListUserAuthEventsTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private final MutableClock clock = MutableClock.at(Instant.now());
    private RunningApp app;
    private ApiClient api;
    private CognitoIdentityProviderClient cognito;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of(), clock);
        api = new ApiClient(app.baseUrl());
        cognito = CognitoSdk.client(app.baseUrl());
    }

    @AfterEach
    void stop() {
        if (cognito != null) cognito.close();
        if (app != null) app.close();
    }

    @Test
    void signInsAndFailuresAppearNewestFirstWithTheAddressesOfContextData() {
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        tick();
        cognito.resendConfirmationCode(b -> b.clientId(CLIENT).username(email));
        tick();
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email)));
        tick();
        cognito.adminInitiateAuth(signIn(email, PASSWORD, "203.0.113.7", FIREFOX));
        tick();
        assertThatThrownBy(() -> cognito.adminInitiateAuth(signIn(email, "Wrong-Horse-9!", "2001:db8::42", SAFARI_IPHONE)))
                .isInstanceOf(NotAuthorizedException.class);
        tick();
        cognito.forgotPassword(b -> b.clientId(CLIENT).username(email));

        List<AuthEventType> events = cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(email)).authEvents();

        assertThat(events).extracting(AuthEventType::eventType).containsExactly(EventType.FORGOT_PASSWORD, EventType.SIGN_IN,
                EventType.SIGN_IN, EventType.RESEND_CODE, EventType.SIGN_UP);
        assertThat(events).extracting(AuthEventType::creationDate).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        AuthEventType failed = events.get(1);
        assertThat(failed.eventResponse()).isEqualTo(EventResponseType.FAIL);
        assertThat(failed.challengeResponses()).extracting(ChallengeResponseType -> ChallengeResponseType.challengeName(),
                c -> c.challengeResponse()).containsExactly(org.assertj.core.groups.Tuple.tuple(ChallengeName.PASSWORD, ChallengeResponse.FAILURE));
        assertThat(failed.eventContextData().ipAddress()).isEqualTo("2001:db8::42");
        assertThat(failed.eventContextData().deviceName()).isEqualTo("Safari 17, iOS");
        AuthEventType passed = events.get(2);
        assertThat(passed.eventResponse()).isEqualTo(EventResponseType.PASS);
        assertThat(passed.challengeResponses()).extracting(c -> c.challengeResponse()).containsExactly(ChallengeResponse.SUCCESS);
        assertThat(passed.eventContextData().ipAddress()).isEqualTo("203.0.113.7");
        assertThat(passed.eventContextData().deviceName()).isEqualTo("Firefox 128, Linux");
        assertThat(passed.eventRisk().riskDecision()).isEqualTo(RiskDecisionType.NO_RISK);
        assertThat(passed.eventRisk().compromisedCredentialsDetected()).isFalse();
        assertThat(passed.eventId()).matches("[0-9a-f-]{36}");
        AuthEventType signUp = events.get(4);
        assertThat(signUp.eventResponse()).isEqualTo(EventResponseType.PASS);
        assertThat(signUp.challengeResponses()).as("no password was tested").isEmpty();
        assertThat(signUp.eventContextData().deviceName()).as("the SDK's own user agent").startsWith("aws-sdk-java");
    }

    @Test
    void theHistoryIsReadAPageAtATimeByAddressOrSub() {
        String email = address();
        String sub = cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD)).userSub();
        tick();   // events of one instant are ordered by their random ids: the last page would depend on them
        cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));
        for (int i = 0; i < 5; i++) {
            tick();
            cognito.adminInitiateAuth(signIn(email, PASSWORD, "203.0.113." + i, FIREFOX));
        }

        List<AuthEventType> all = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            AdminListUserAuthEventsResponse page = cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(sub)
                    .maxResults(2).nextToken(next));
            all.addAll(page.authEvents());
            sizes.add(page.authEvents().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(sizes).containsExactly(2, 2, 2);
        assertThat(all.subList(0, 5)).extracting(e -> e.eventContextData().ipAddress()).containsExactly("203.0.113.4",
                "203.0.113.3", "203.0.113.2", "203.0.113.1", "203.0.113.0");
        assertThat(all.get(5).eventType()).isEqualTo(EventType.SIGN_UP);
        assertThat(all.get(5).eventContextData().ipAddress()).as("SignUp came from this machine's SDK").matches("127\\..*|.*:.*");
        assertThat(all).extracting(AuthEventType::eventId).doesNotHaveDuplicates();
        assertThat(cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(email).maxResults(0)).authEvents())
                .as("MaxResults 0 means 60").hasSize(6);
    }

    @Test
    void anUnknownUserBadLimitsAndNonAdminCallersAreRefused() {
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        assertThatThrownBy(() -> cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username("nobody-" + UUID.randomUUID() + "@example.com")))
                .isInstanceOf(UserNotFoundException.class).satisfies(cognitoMessage("User does not exist."));
        assertThatThrownBy(() -> cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(UUID.randomUUID().toString())))
                .isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(email).maxResults(61)))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage("1 validation error detected: Value '61'"
                        + " at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"));
        assertThatThrownBy(() -> cognito.adminListUserAuthEvents(b -> b.userPoolId(POOL).username(email).nextToken("not-a-token")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.adminListUserAuthEvents(b -> b.userPoolId("local_Other1").username(email)))
                .isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));

        // from a web page (the SDK's HTTP client cannot send Origin, so the call is made by hand)
        ApiClient.Response fromPage = api.send(HttpRequest.newBuilder(app.url("/")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1").header("Origin", "https://evil.example")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminListUserAuthEvents")
                .POST(HttpRequest.BodyPublishers.ofString("{\"UserPoolId\":\"" + POOL + "\",\"Username\":\"" + email + "\"}")).build());
        assertThat(fromPage.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(fromPage.json().has("AuthEvents")).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    private static String address() {
        return "history-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> cognitoMessage(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private static AdminInitiateAuthRequest signIn(String email, String password, String ip, String userAgent) {
        return AdminInitiateAuthRequest.builder().userPoolId(POOL).clientId(CLIENT).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))
                .contextData(AdminInitiateAuthTest.context(ip, userAgent)).build();
    }
}
