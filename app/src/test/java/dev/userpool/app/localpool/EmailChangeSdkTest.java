package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.embedded.EmbeddedSettings;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;

/**
 * Changing the address through the AWS SDK for Java against the local pool, as a pool that keeps the
 * original address active while an update is pending: UpdateUserAttributes with email,
 * VerifyUserAttribute and GetUserAttributeVerificationCode, with Cognito's answers and errors.
 */
class EmailChangeSdkTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";

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
    void theOldAddressSignsInUntilTheCodeSentToTheNewOneIsProvenAndOnlyTheNewOneAfter() {
        String old = confirmedUser();
        String next = address();
        String token = signIn(old);

        UpdateUserAttributesResponse asked = updateEmail(token, next);

        CodeDeliveryDetailsType delivery = asked.codeDeliveryDetailsList().get(0);
        assertThat(delivery.destination()).isEqualTo(masked(next));
        assertThat(delivery.deliveryMediumAsString()).isEqualTo("EMAIL");
        assertThat(delivery.attributeName()).isEqualTo("email");
        assertThat(attribute(getUser(token), "email")).isEqualTo(old);
        assertThat(attribute(getUser(token), "email_verified")).isEqualTo("true");
        assertThat(signIn(old)).isNotBlank();
        assertThatThrownBy(() -> signIn(next)).isInstanceOf(NotAuthorizedException.class);

        cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(api.latestCode(next)));

        assertThat(attribute(getUser(token), "email")).isEqualTo(next);   // the token from before still works
        assertThat(attribute(getUser(token), "email_verified")).isEqualTo("true");
        assertThat(signIn(next)).isNotBlank();
        assertThatThrownBy(() -> signIn(old)).isInstanceOf(NotAuthorizedException.class);
        assertThat(api.firstMessage(old).orElseThrow().path("subject").asText()).isEqualTo("Your email address was changed");
        assertThat(eventsOf(AuditEventType.EMAIL_CHANGE_REQUESTED)).hasSize(1);
        assertThat(eventsOf(AuditEventType.EMAIL_CHANGED)).singleElement()
                .satisfies(e -> assertThat(e.email()).isEqualTo(next)).satisfies(e -> assertThat(e.outcome()).isEqualTo(Outcome.SUCCESS));
    }

    @Test
    void aWrongCodeIsCodeMismatchAndTheAddressStays() {
        String old = confirmedUser();
        String next = address();
        String token = signIn(old);
        updateEmail(token, next);

        assertThatThrownBy(() -> verify(token, wrong(api.latestCode(next)))).isInstanceOf(CodeMismatchException.class)
                .satisfies(cognitoMessage("Invalid verification code provided, please try again."));

        assertThat(attribute(getUser(token), "email")).isEqualTo(old);
    }

    @Test
    void aCodeExpiresAfter24Hours() {
        String old = confirmedUser();
        String next = address();
        updateEmail(signIn(old), next);
        String code = api.latestCode(next);
        clock.advance(Duration.ofHours(24));
        String fresh = signIn(old);   // the access token of before has expired meanwhile

        assertThatThrownBy(() -> verify(fresh, code)).isInstanceOf(ExpiredCodeException.class)
                .satisfies(cognitoMessage("Invalid code provided, please request a code again."));
    }

    @Test
    void fifteenChecksAnHourThenLimitExceededThenAResentCodeWorksAfterTheHour() {
        String old = confirmedUser();
        String next = address();
        String token = signIn(old);
        updateEmail(token, next);
        String code = api.latestCode(next);
        for (int i = 0; i < 15; i++) {
            assertThatThrownBy(() -> verify(token, wrong(code))).isInstanceOf(CodeMismatchException.class);
        }

        assertThatThrownBy(() -> verify(token, code)).isInstanceOf(LimitExceededException.class)
                .satisfies(cognitoMessage("Attempt limit exceeded, please try after some time."));

        clock.advance(Duration.ofHours(1));
        String fresh = signIn(old);
        CodeDeliveryDetailsType resent = cognito.getUserAttributeVerificationCode(b -> b.accessToken(fresh)
                .attributeName("email")).codeDeliveryDetails();
        assertThat(resent.destination()).isEqualTo(masked(next));
        verify(fresh, api.latestCode(next));
        assertThat(attribute(getUser(fresh), "email")).isEqualTo(next);
    }

    @Test
    void anAddressAnotherAccountHasIsAnsweredAlikeAndRefusedOnlyOnceTheCodeIsProven() {
        String mine = confirmedUser();
        String taken = confirmedUser();
        String token = signIn(mine);

        CodeDeliveryDetailsType delivery = updateEmail(token, taken).codeDeliveryDetailsList().get(0);
        assertThat(delivery.destination()).isEqualTo(masked(taken));

        assertThatThrownBy(() -> verify(token, api.latestCode(taken))).isInstanceOf(AliasExistsException.class)
                .satisfies(cognitoMessage("An account with the given email already exists."));
        assertThat(attribute(getUser(token), "email")).isEqualTo(mine);
        assertThat(signIn(taken)).isNotBlank();
        assertThat(eventsOf(AuditEventType.EMAIL_CHANGED)).singleElement()
                .satisfies(e -> assertThat(e.errorCode()).map(c -> c.code()).contains("UsernameExists"));
    }

    @Test
    void withNothingPendingTheCodeGoesToTheOwnAddressAndVerifiesIt() {
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));   // the address stays unverified
        String token = signIn(email);
        assertThat(attribute(getUser(token), "email_verified")).isEqualTo("false");

        CodeDeliveryDetailsType sent = cognito.getUserAttributeVerificationCode(b -> b.accessToken(token)
                .attributeName("email")).codeDeliveryDetails();
        verify(token, api.latestCode(email));

        assertThat(sent.destination()).isEqualTo(masked(email));
        assertThat(attribute(getUser(token), "email_verified")).isEqualTo("true");
        assertThat(eventsOf(AuditEventType.EMAIL_VERIFIED)).extracting(AuditEvent::outcome).containsExactly(Outcome.SUCCESS);
    }

    @Test
    void theSameAddressAgainSendsNothing() {
        String email = confirmedUser();
        String token = signIn(email);

        assertThat(updateEmail(token, email.toUpperCase()).codeDeliveryDetailsList()).isEmpty();
    }

    @Test
    void anAddressWithOtherAttributesWritesThemAndSendsTheCode() {
        String email = confirmedUser();
        String token = signIn(email);
        String next = address();

        var answer = cognito.updateUserAttributes(b -> b.accessToken(token).userAttributes(
                AttributeType.builder().name("email").value(next).build(),
                AttributeType.builder().name("name").value("Alice").build()));

        assertThat(answer.codeDeliveryDetailsList()).hasSize(1);
        var shown = cognito.getUser(b -> b.accessToken(token)).userAttributes();
        assertThat(shown).anyMatch(a -> a.name().equals("name") && a.value().equals("Alice"));
        assertThat(shown).anyMatch(a -> a.name().equals("email") && a.value().equals(email));
    }

    @Test
    void badRequestsGetCognitosErrorsAndChangeNothing() {
        String email = confirmedUser();
        String token = signIn(email);

        // a malformed address with another attribute: refused before the other attribute is written
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(token).userAttributes(
                AttributeType.builder().name("email").value("not-an-address").build(),
                AttributeType.builder().name("name").value("Alice").build())))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(cognito.getUser(b -> b.accessToken(token)).userAttributes()).noneMatch(a -> a.name().equals("name"));
        assertThatThrownBy(() -> updateEmail(token, "not-an-address")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("phone_number")
                .code("123456"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.getUserAttributeVerificationCode(b -> b.accessToken(token)
                .attributeName("phone_number"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> updateEmail("not-a-token", address())).isInstanceOf(NotAuthorizedException.class);
        String idToken = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult().idToken();
        assertThatThrownBy(() -> updateEmail(idToken, address())).isInstanceOf(NotAuthorizedException.class);

        assertThat(eventsOf(AuditEventType.EMAIL_CHANGE_REQUESTED)).extracting(AuditEvent::outcome)
                .containsOnly(Outcome.FAILURE);
        assertThat(attribute(getUser(token), "email")).isEqualTo(email);
    }

    // ------------------------------------------------------------------ helpers

    private static String address() {
        return "move-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String masked(String email) {
        return email.charAt(0) + "***@e***.com";
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> cognitoMessage(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private String confirmedUser() {
        String email = address();
        cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD));
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email)));
        return email;
    }

    private String signIn(String email) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult().accessToken();
    }

    private UpdateUserAttributesResponse updateEmail(String token, String email) {
        return cognito.updateUserAttributes(b -> b.accessToken(token)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }

    private void verify(String token, String code) {
        cognito.verifyUserAttribute(b -> b.accessToken(token).attributeName("email").code(code));
    }

    private GetUserResponse getUser(String token) {
        return cognito.getUser(b -> b.accessToken(token));
    }

    private static String attribute(GetUserResponse user, String name) {
        return user.userAttributes().stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst()
                .orElse(null);
    }

    private List<AuditEvent> eventsOf(AuditEventType type) {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest page = PageRequest.first(60);
        while (true) {
            var found = app.component().auditQueries().between(Instant.EPOCH, clock.instant().plusSeconds(1), page);
            found.items().stream().filter(e -> e.type() == type).forEach(all::add);
            if (found.nextCursor().isEmpty()) return all;
            page = new PageRequest(60, found.nextCursor());
        }
    }
}
