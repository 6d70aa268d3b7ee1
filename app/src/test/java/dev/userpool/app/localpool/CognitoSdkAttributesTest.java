package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.embedded.EmbeddedSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Attributes on the local pool through the AWS SDK for Java: sign-up with attributes, each attribute
 * operation, the schema (AddCustomAttributes, DescribeUserPool), ListUsers' AttributesToGet and filters,
 * the ID token's claims, and the app client's read and write permissions — each refusal with Cognito's
 * error and message, and nothing written on a refusal.
 */
class CognitoSdkAttributesTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String PASSWORD = "Correct-Horse-9!";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void signUpKeepsTheAttributesAndEveryReadAndTheIdTokenShowThem() {
        start(Map.of());
        String email = signedUpAndConfirmed(Map.of("name", "Ada Lovelace", "given_name", "Ada", "birthdate", "1815-12-10",
                "address", "12 St James's Square"));
        AuthenticationResultType tokens = signIn(email);

        Map<String, String> mine = attributes(cognito.getUser(b -> b.accessToken(tokens.accessToken())).userAttributes());
        assertThat(mine).containsEntry("name", "Ada Lovelace").containsEntry("given_name", "Ada")
                .containsEntry("birthdate", "1815-12-10").containsEntry("email", email).containsKey("sub");
        assertThat(attributes(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userAttributes())).isEqualTo(mine);

        JsonNode claims = claims(tokens.idToken());
        assertThat(claims.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(claims.path("birthdate").asText()).isEqualTo("1815-12-10");
        assertThat(claims.path("address").path("formatted").asText()).isEqualTo("12 St James's Square");
        assertThat(claims(tokens.accessToken()).has("name")).isFalse();
    }

    @Test
    void updateAndDeleteUserAttributesWithTheAccessTokenEachRecordOneEvent() {
        start(Map.of());
        String email = signedUpAndConfirmed(Map.of("name", "Ada"));
        String access = signIn(email).accessToken();

        var answer = cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(
                attr("name", "Ada King"), attr("nickname", "Countess"), attr("phone_number", "+441234567890"), attr("updated_at", "1700000000")));
        assertThat(answer.codeDeliveryDetailsList()).isEmpty();
        assertThat(attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes())).containsEntry("name", "Ada King")
                .containsEntry("nickname", "Countess").containsEntry("phone_number", "+441234567890").containsEntry("updated_at", "1700000000");

        cognito.deleteUserAttributes(b -> b.accessToken(access).userAttributeNames("nickname", "phone_number"));
        assertThat(attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes())).doesNotContainKeys("nickname", "phone_number")
                .containsEntry("name", "Ada King");
        assertThat(events(email)).filteredOn(e -> e.outcome() == Outcome.SUCCESS).extracting(AuditEvent::type)
                .contains(AuditEventType.ATTRIBUTES_UPDATED, AuditEventType.ATTRIBUTES_DELETED);
        // the new name reaches the next ID token
        assertThat(claims(signIn(email).idToken()).path("name").asText()).isEqualTo("Ada King");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "phone_number | 01234 567890 | Invalid phone number format.",
            "phone_number | +44 1234     | Invalid phone number format.",
            "birthdate    | 10/12/1815   | Attributes did not conform to the schema: birthdate: The attribute must be a date in the format YYYY-MM-DD",
            "birthdate    | 1815-13-01   | Attributes did not conform to the schema: birthdate: The attribute must be a date in the format YYYY-MM-DD",
            "updated_at   | yesterday    | Attributes did not conform to the schema: updated_at: Number must be a valid number",
            "shoe_size    | 9            | Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.",
            "custom:shoe  | 9            | Attributes did not conform to the schema: custom:shoe: Attribute does not exist in the schema."})
    void badInputIsRefusedWithCognitosMessageAndChangesNothing(String name, String value, String message) {
        start(Map.of());
        String email = signedUpAndConfirmed(Map.of("name", "Ada"));
        String access = signIn(email).accessToken();
        Map<String, String> before = attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes());

        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("name", "Changed"), attr(name, value))))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage(message.startsWith("Attributes") ? message + "\n" : message));
        assertThatThrownBy(() -> cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(email).userAttributes(attr(name, value))))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes())).isEqualTo(before);
    }

    @Test
    void aNameLongerThan2048CharactersIsRefusedAtSignUpAndAfter() {
        start(Map.of());
        String tooLong = "a".repeat(2049);
        assertThatThrownBy(() -> signUp(address(), Map.of("name", tooLong))).isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("Attributes did not conform to the schema: name: String must be no longer than 2048 characters\n"));
        String email = signedUpAndConfirmed(Map.of());
        String access = signIn(email).accessToken();
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("name", tooLong))))
                .isInstanceOf(InvalidParameterException.class);
        cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("name", "a".repeat(2048))));
    }

    @Test
    void theAddressAndItsVerificationAreNotTheClientsToWriteHere() {
        start(Map.of());
        String email = signedUpAndConfirmed(Map.of());
        String access = signIn(email).accessToken();
        // a new address is only asked for: a code goes there, and the account keeps its address until it is proven
        assertThat(cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("email", "new-" + email)))
                .codeDeliveryDetailsList()).hasSize(1);
        assertThat(attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes())).containsEntry("email", email);
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("email_verified", "true"))))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("A client attempted to write unauthorized attribute"));
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("sub", "mine"))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(email).userAttributes(attr("sub", "mine"))))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("Attributes did not conform to the schema: sub: Attribute cannot be updated.\n"));
        assertThatThrownBy(() -> cognito.deleteUserAttributes(b -> b.accessToken(access).userAttributeNames("email")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes())).containsEntry("email", email);
    }

    @Test
    void anOperatorUpdatesAndDeletesAnyAttributeAndVouchesForTheAddress() {
        start(Map.of());
        String email = address();
        String sub = signUp(email, Map.of("name", "Ada")).userSub();
        cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(sub)
                .userAttributes(attr("website", "https://example.com"), attr("email_verified", "true")));
        Map<String, String> seen = attributes(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userAttributes());
        assertThat(seen).containsEntry("website", "https://example.com").containsEntry("email_verified", "true");

        cognito.adminDeleteUserAttributes(b -> b.userPoolId(POOL).username(email).userAttributeNames("website"));
        assertThat(attributes(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userAttributes()))
                .doesNotContainKey("website").containsEntry("name", "Ada");
        assertThat(events(email)).extracting(AuditEvent::type).contains(AuditEventType.ATTRIBUTES_UPDATED,
                AuditEventType.EMAIL_VERIFIED, AuditEventType.ATTRIBUTES_DELETED);
    }

    @Test
    void customAttributesAreDeclaredDescribedAndHeldToTheirDefinition() {
        start(Map.of());
        cognito.addCustomAttributes(b -> b.userPoolId(POOL).customAttributes(
                SchemaAttributeType.builder().name("member").attributeDataType("String").mutable(false).build(),
                SchemaAttributeType.builder().name("age").attributeDataType("Number").mutable(true)
                        .numberAttributeConstraints(c -> c.minValue("0").maxValue("150")).build()));
        List<SchemaAttributeType> schema = cognito.describeUserPool(b -> b.userPoolId(POOL)).userPool().schemaAttributes();
        assertThat(schema).extracting(SchemaAttributeType::name).contains("sub", "name", "email", "phone_number", "custom:member", "custom:age");
        SchemaAttributeType age = schema.stream().filter(a -> a.name().equals("custom:age")).findFirst().orElseThrow();
        assertThat(age.attributeDataTypeAsString()).isEqualTo("Number");
        assertThat(age.numberAttributeConstraints().maxValue()).isEqualTo("150");

        assertThatThrownBy(() -> cognito.addCustomAttributes(b -> b.userPoolId(POOL).customAttributes(
                SchemaAttributeType.builder().name("member").attributeDataType("String").build())))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("custom:member: Existing attribute already has name custom:member."));

        String email = signedUpAndConfirmed(Map.of("custom:member", "m-1", "custom:age", "36"));
        String access = signIn(email).accessToken();
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("custom:member", "m-2"))))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("Attributes did not conform to the schema: custom:member: Attribute cannot be updated.\n"));
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("custom:age", "151"))))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(cognitoMessage("Attributes did not conform to the schema: custom:age: Number must be no greater than 150\n"));
        cognito.updateUserAttributes(b -> b.accessToken(access).userAttributes(attr("custom:age", "37")));
        assertThat(attributes(cognito.getUser(b -> b.accessToken(access)).userAttributes()))
                .containsEntry("custom:member", "m-1").containsEntry("custom:age", "37");
        assertThat(claims(signIn(email).idToken()).path("custom:member").asText()).isEqualTo("m-1");
    }

    @Test
    void listUsersFiltersOnEveryAttributeCognitoFiltersOnAndGivesOnlyTheAttributesAskedFor() {
        start(Map.of());
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String ada = signedUpAndConfirmed(Map.of("name", "Ada " + tag, "given_name", "Ada" + tag, "family_name", "King" + tag,
                "preferred_username", "ada" + tag, "phone_number", "+4412345" + Math.floorMod(tag.hashCode(), 10)));
        String grace = signedUpAndConfirmed(Map.of("name", "Grace " + tag, "given_name", "Grace" + tag, "family_name", "Hopper" + tag,
                "preferred_username", "grace" + tag));

        assertThat(emails(list("name = \"Ada " + tag + "\""))).containsExactly(ada);
        assertThat(emails(list("name ^= \"Grace\""))).contains(grace).doesNotContain(ada);
        assertThat(emails(list("given_name = \"Grace" + tag + "\""))).containsExactly(grace);
        assertThat(emails(list("family_name ^= \"King" + tag + "\""))).containsExactly(ada);
        assertThat(emails(list("preferred_username = \"grace" + tag + "\""))).containsExactly(grace);
        assertThat(emails(list("phone_number ^= \"+4412345\""))).contains(ada).doesNotContain(grace);

        List<UserType> named = cognito.listUsers(b -> b.userPoolId(POOL).filter("family_name = \"Hopper" + tag + "\"")
                .attributesToGet("given_name", "email")).users();
        assertThat(named).hasSize(1);
        assertThat(attributes(named.get(0).attributes())).containsOnlyKeys("given_name", "email");
        assertThatThrownBy(() -> cognito.listUsers(b -> b.userPoolId(POOL).attributesToGet("shoe_size")))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage("One or more requested attributes do not exist."));
    }

    @Test
    void whatTheAppClientMayNotWriteIsRefusedAndWhatItMayNotReadIsLeftOut() {
        start(Map.of("USERPOOL_REQUIRED_ATTRIBUTES", "name", "USERPOOL_CLIENT_WRITE_ATTRIBUTES", "email,name",
                "USERPOOL_CLIENT_READ_ATTRIBUTES", "email,email_verified,name"));
        assertThatThrownBy(() -> signUp(address(), Map.of()))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage("Attributes did not conform to the schema: name: The attribute is required\n"));
        assertThatThrownBy(() -> signUp(address(), Map.of("name", "Ada", "nickname", "Countess")))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("A client attempted to write unauthorized attribute"));

        String email = signedUpAndConfirmed(Map.of("name", "Ada"));
        cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(email).userAttributes(attr("nickname", "Countess")));
        AuthenticationResultType tokens = signIn(email);
        assertThatThrownBy(() -> cognito.updateUserAttributes(b -> b.accessToken(tokens.accessToken()).userAttributes(attr("nickname", "Ada"))))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("A client attempted to write unauthorized attribute"));
        assertThatThrownBy(() -> cognito.deleteUserAttributes(b -> b.accessToken(tokens.accessToken()).userAttributeNames("name")))
                .isInstanceOf(InvalidParameterException.class).satisfies(cognitoMessage("Attributes did not conform to the schema: name: The attribute is required\n"));

        assertThat(attributes(cognito.getUser(b -> b.accessToken(tokens.accessToken())).userAttributes()))
                .containsEntry("name", "Ada").doesNotContainKey("nickname");
        assertThat(claims(tokens.idToken()).has("nickname")).isFalse();
        assertThat(claims(tokens.idToken()).path("name").asText()).isEqualTo("Ada");
        // the operator sees everything
        assertThat(attributes(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userAttributes())).containsEntry("nickname", "Countess");
    }

    // ------------------------------------------------------------------ helpers

    private static String address() {
        return "attrs-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse signUp(String email, Map<String, String> attributes) {
        List<AttributeType> given = new ArrayList<>();
        given.add(attr("email", email));
        attributes.forEach((n, v) -> given.add(attr(n, v)));
        return cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD).userAttributes(given));
    }

    private String signedUpAndConfirmed(Map<String, String> attributes) {
        String email = address();
        signUp(email, attributes);
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email)));
        return email;
    }

    private AuthenticationResultType signIn(String email) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult();
    }

    private List<UserType> list(String filter) {
        return cognito.listUsers(r -> r.userPoolId(POOL).filter(filter)).users();
    }

    private static List<String> emails(List<UserType> users) {
        return users.stream().map(u -> attributes(u.attributes()).get("email")).toList();
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        Map<String, String> all = new LinkedHashMap<>();
        attributes.forEach(a -> all.put(a.name(), a.value()));
        return all;
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> cognitoMessage(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private List<AuditEvent> events(String email) {
        List<AuditEvent> all = new ArrayList<>();
        PageRequest page = PageRequest.first(60);
        while (true) {
            var found = app.component().auditQueries().between(Instant.EPOCH, clock.instant().plusSeconds(1), page);
            found.items().stream().filter(e -> e.email().equals(email)).forEach(all::add);
            if (found.nextCursor().isEmpty()) return all;
            page = new PageRequest(60, found.nextCursor());
        }
    }
}
