package dev.userpool.cognito;

import static dev.userpool.cognito.StubCognito.JSON;
import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.cognito.StubCognito.Answer;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** What the authenticator asks Cognito, over the wire, for each flow, and what it makes of the answers. */
class CognitoAuthenticatorTest {
    private static final EmailAddress ALICE = new EmailAddress("alice@example.com");
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    private static final Password NEW_PASSWORD = Password.of("Battery-Staple-7");
    private static final AppClient WITH_SECRET = AppClient.withSecret("client-1", "s3cr3t-of-the-client");
    private static final AppClient WITHOUT_SECRET = AppClient.withoutSecret("client-1");
    /** An ID token as Cognito shapes it (unsigned: the adapter reads whose it is, it does not verify it). */
    private static final String ID_TOKEN = unsignedJwt("{\"sub\":\"sub-alice\",\"email\":\"alice@example.com\",\"token_use\":\"id\"}");

    private static String unsignedJwt(String payload) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
    }

    private final StubCognito stub = new StubCognito();
    private final CognitoIdentityProviderClient client = stub.client();

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private CognitoAuthenticator authenticator(AppClient appClient, SignInFlow flow) {
        return new CognitoAuthenticator(client, stub.pool(), appClient, flow, Clock.systemUTC());
    }

    private static ObjectNode authenticated(String refreshToken, Integer expiresIn) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode result = body.putObject("AuthenticationResult").put("IdToken", ID_TOKEN).put("AccessToken", "access-token")
                .put("TokenType", "Bearer");
        if (refreshToken != null) result.put("RefreshToken", refreshToken);
        if (expiresIn != null) result.put("ExpiresIn", expiresIn);
        return body;
    }

    private static ObjectNode challenge(String name) {
        ObjectNode body = JSON.createObjectNode().put("ChallengeName", name).put("Session", "session-1");
        body.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", "sub-alice");
        return body;
    }

    @Test
    void aSignInNamesTheAccountItsIdTokenIsFor() {
        stub.answer("InitiateAuth", Answer.ok(authenticated("refresh-token", 3600)));

        var signedIn = authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD);

        assertThat(signedIn.principal()).isEqualTo(new dev.userpool.core.domain.Principal(
                new dev.userpool.core.domain.UserId("sub-alice"), ALICE));
    }

    @Test
    void passwordSignInSendsUsernamePasswordAndSecretHash() {
        stub.answer("InitiateAuth", Answer.ok(authenticated("refresh-token", 3600)));

        Tokens tokens = authenticator(WITH_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens();

        var request = stub.last("InitiateAuth");
        assertThat(request.text("AuthFlow")).isEqualTo("USER_PASSWORD_AUTH");
        assertThat(request.text("ClientId")).isEqualTo("client-1");
        assertThat(request.parameter("AuthParameters", "USERNAME")).isEqualTo("alice@example.com");
        assertThat(request.parameter("AuthParameters", "PASSWORD")).isEqualTo("Correct-Horse-9");
        assertThat(request.parameter("AuthParameters", "SECRET_HASH")).isEqualTo(WITH_SECRET.secretHash("alice@example.com").orElseThrow());
        assertThat(tokens.idToken()).isEqualTo(ID_TOKEN);
        assertThat(tokens.accessToken()).isEqualTo("access-token");
        assertThat(tokens.refreshToken()).contains("refresh-token");
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void serverSideSignInSendsAdminInitiateAuthWithThePoolAndSecretHash() {
        stub.answer("AdminInitiateAuth", Answer.ok(authenticated("refresh-token", 3600)));

        Tokens tokens = authenticator(WITH_SECRET, SignInFlow.ADMIN_USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens();

        var request = stub.last("AdminInitiateAuth");
        assertThat(request.text("AuthFlow")).isEqualTo("ADMIN_USER_PASSWORD_AUTH");
        assertThat(request.text("UserPoolId")).isEqualTo(stub.pool().userPoolId());
        assertThat(request.text("ClientId")).isEqualTo("client-1");
        assertThat(request.parameter("AuthParameters", "USERNAME")).isEqualTo("alice@example.com");
        assertThat(request.parameter("AuthParameters", "PASSWORD")).isEqualTo("Correct-Horse-9");
        assertThat(request.parameter("AuthParameters", "SECRET_HASH")).isEqualTo(WITH_SECRET.secretHash("alice@example.com").orElseThrow());
        assertThat(stub.requests("InitiateAuth")).isEmpty();
        assertThat(tokens.refreshToken()).contains("refresh-token");
    }

    @Test
    void aServerSideSignInThatPosesAChallengeOrFailsIsNotAuthorizedWithoutThePassword() {
        stub.answer("AdminInitiateAuth", Answer.ok(challenge("SOFTWARE_TOKEN_MFA")));
        stub.always("AdminGetUser", Answer.ok(alice("CONFIRMED")));
        var challenged = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.ADMIN_USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(challenged.getMessage()).contains("SOFTWARE_TOKEN_MFA");

        stub.answer("AdminInitiateAuth", Answer.error("NotAuthorizedException", "Incorrect password Correct-Horse-9"));
        var refused = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.ADMIN_USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(refused.getMessage()).doesNotContain("Correct-Horse-9");
    }

    @Test
    void withoutAClientSecretNoSecretHashIsSent() {
        stub.answer("InitiateAuth", Answer.ok(authenticated("refresh-token", 3600)));

        authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens();

        assertThat(stub.last("InitiateAuth").body().path("AuthParameters").has("SECRET_HASH")).isFalse();
    }

    @Test
    void srpSignInSendsSrpAThenAnswersThePasswordVerifierWithTheSecretHashOverTheChallengesUsername() {
        ObjectNode verifier = JSON.createObjectNode().put("ChallengeName", "PASSWORD_VERIFIER").put("Session", "session-1");
        verifier.putObject("ChallengeParameters")
                .put("SRP_B", new BigInteger("123456789abcdef", 16).toString(16)).put("SALT", "0a1b2c3d")
                .put("SECRET_BLOCK", Base64.getEncoder().encodeToString("secret-block".getBytes(StandardCharsets.UTF_8)))
                .put("USER_ID_FOR_SRP", "sub-alice").put("USERNAME", "sub-alice");
        stub.answer("InitiateAuth", Answer.ok(verifier));
        stub.answer("RespondToAuthChallenge", Answer.ok(authenticated("refresh-token", 3600)));

        authenticator(WITH_SECRET, SignInFlow.USER_SRP_AUTH).signIn(ALICE, PASSWORD).tokens();

        var initiate = stub.last("InitiateAuth");
        assertThat(initiate.text("AuthFlow")).isEqualTo("USER_SRP_AUTH");
        assertThat(initiate.parameter("AuthParameters", "SRP_A")).matches("[0-9a-f]{500,}");
        assertThat(initiate.parameter("AuthParameters", "SECRET_HASH")).isEqualTo(WITH_SECRET.secretHash("alice@example.com").orElseThrow());
        assertThat(initiate.body().toString()).doesNotContain("Correct-Horse-9");
        var respond = stub.last("RespondToAuthChallenge");
        assertThat(respond.text("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
        assertThat(respond.text("Session")).isEqualTo("session-1");
        assertThat(respond.parameter("ChallengeResponses", "USERNAME")).isEqualTo("sub-alice");
        assertThat(respond.parameter("ChallengeResponses", "SECRET_HASH")).isEqualTo(WITH_SECRET.secretHash("sub-alice").orElseThrow());
        assertThat(respond.parameter("ChallengeResponses", "PASSWORD_CLAIM_SIGNATURE")).isNotBlank();
        assertThat(respond.body().toString()).doesNotContain("Correct-Horse-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SOFTWARE_TOKEN_MFA", "SMS_MFA", "MFA_SETUP", "SELECT_MFA_TYPE"})
    void aChallengeThisServiceCannotAnswerIsNotAuthorizedAndNamed(String name) {
        stub.always("InitiateAuth", Answer.ok(challenge(name)));
        stub.always("AdminGetUser", Answer.ok(alice("CONFIRMED")));   // the account a second factor's step names

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).contains(name);
    }

    /** Alice as AdminGetUser answers her, in {@code status}. */
    private static ObjectNode alice(String status) {
        ObjectNode user = JSON.createObjectNode().put("Username", "sub-alice").put("Enabled", true).put("UserStatus", status);
        user.putArray("UserAttributes").addObject().put("Name", "sub").put("Value", "0a1b2c3d-0000-4000-8000-000000000001");
        ((com.fasterxml.jackson.databind.node.ArrayNode) user.get("UserAttributes")).addObject().put("Name", "email")
                .put("Value", "alice@example.com");
        return user;
    }

    /** An authenticator app: Cognito's SOFTWARE_TOKEN_MFA is the step's answer, with Cognito's session. */
    @Test
    void softwareTokenMfaIsAStepAnsweredWithCognitosSession() {
        stub.always("InitiateAuth", Answer.ok(challenge("SOFTWARE_TOKEN_MFA")));
        stub.always("AdminGetUser", Answer.ok(alice("CONFIRMED")));

        var step = authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signInStep(ALICE, PASSWORD);

        assertThat(step).isInstanceOfSatisfying(dev.userpool.core.domain.MfaRequired.class, mfa -> {
            assertThat(mfa.kind()).isEqualTo(dev.userpool.core.domain.MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
            assertThat(mfa.user().email()).isEqualTo(ALICE);
        });
    }

    /** A temporary password: Cognito's NEW_PASSWORD_REQUIRED is the step's answer, and its Session answers it. */
    @Test
    void newPasswordRequiredIsAStepAnsweredWithCognitosSession() {
        stub.always("InitiateAuth", Answer.ok(challenge("NEW_PASSWORD_REQUIRED")));
        ObjectNode user = JSON.createObjectNode().put("Username", "sub-alice").put("Enabled", true)
                .put("UserStatus", "FORCE_CHANGE_PASSWORD");
        user.putArray("UserAttributes").addObject().put("Name", "sub").put("Value", "0a1b2c3d-0000-4000-8000-000000000001");
        ((com.fasterxml.jackson.databind.node.ArrayNode) user.get("UserAttributes")).addObject().put("Name", "email")
                .put("Value", "alice@example.com");
        stub.always("AdminGetUser", Answer.ok(user));
        var authenticator = authenticator(WITH_SECRET, SignInFlow.USER_PASSWORD_AUTH);

        var step = authenticator.signInStep(ALICE, PASSWORD);
        assertThat(step).isInstanceOf(dev.userpool.core.domain.NewPasswordRequired.class);
        var challenge = (dev.userpool.core.domain.NewPasswordRequired) step;
        assertThat(challenge.session()).isEqualTo("session-1");
        assertRefused(() -> authenticator.signIn(ALICE, PASSWORD), ErrorCode.NOT_AUTHORIZED);

        stub.answer("RespondToAuthChallenge", Answer.ok(authenticated("refresh-token", 3600)));
        Password chosen = Password.of("My-Own-Password-2");
        authenticator.completeNewPassword(challenge.user().chooseNewPassword(), challenge.session(), chosen);
        var respond = stub.last("RespondToAuthChallenge");
        assertThat(respond.text("ChallengeName")).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(respond.text("Session")).isEqualTo("session-1");
        assertThat(respond.parameter("ChallengeResponses", "USERNAME")).isEqualTo("alice@example.com");
        assertThat(respond.parameter("ChallengeResponses", "NEW_PASSWORD")).isEqualTo("My-Own-Password-2");
        assertThat(respond.parameter("ChallengeResponses", "SECRET_HASH")).isEqualTo(WITH_SECRET.secretHash("alice@example.com").orElseThrow());
    }

    @Test
    void aChallengeAfterThePasswordVerifierIsNotAuthorizedAndNamed() {
        ObjectNode verifier = JSON.createObjectNode().put("ChallengeName", "PASSWORD_VERIFIER").put("Session", "s");
        verifier.putObject("ChallengeParameters").put("SRP_B", "abcdef0123").put("SALT", "0a").put("SECRET_BLOCK", "c2VjcmV0")
                .put("USER_ID_FOR_SRP", "sub-alice").put("USERNAME", "sub-alice");
        stub.answer("InitiateAuth", Answer.ok(verifier));
        stub.answer("RespondToAuthChallenge", Answer.ok(challenge("SOFTWARE_TOKEN_MFA")));
        stub.always("AdminGetUser", Answer.ok(alice("CONFIRMED")));

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).signIn(ALICE, PASSWORD).tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).contains("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void aChallengeOtherThanThePasswordVerifierAfterSrpAIsNotAuthorizedAndNamed() {
        stub.answer("InitiateAuth", Answer.ok(challenge("CUSTOM_CHALLENGE")));

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).signIn(ALICE, PASSWORD).tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).contains("CUSTOM_CHALLENGE");
        assertThat(stub.requests("RespondToAuthChallenge")).isEmpty();
    }

    @Test
    void aRefusedSignInNeverRepeatsThePassword() {
        stub.answer("InitiateAuth", Answer.error("NotAuthorizedException", "Incorrect password Correct-Horse-9"));

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).doesNotContain("Correct-Horse-9");
    }

    @Test
    void withoutExpiresInTheAccessTokensOwnLifetimeIsReported() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"s\",\"iat\":1700000000,\"exp\":1700001800}".getBytes(StandardCharsets.UTF_8));
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode body = JSON.createObjectNode();
        body.putObject("AuthenticationResult").put("IdToken", ID_TOKEN).put("AccessToken", header + "." + payload + ".c2ln");
        stub.answer("InitiateAuth", Answer.ok(body));

        Tokens tokens = authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens();

        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(30));
        assertThat(tokens.refreshToken()).isEmpty();
    }

    @Test
    void anAnswerWithoutTokensIsServiceUnavailable() {
        stub.answer("InitiateAuth", Answer.ok("{\"AuthenticationResult\":{\"AccessToken\":\"a\"}}"));

        assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_PASSWORD_AUTH).signIn(ALICE, PASSWORD).tokens(),
                ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void revokingARefreshTokenNamesItsOwnerThenRevokesItWithTheClientsSecret() {
        stub.answer("GetTokensFromRefreshToken", Answer.ok(authenticated(null, 3600)));
        stub.answer("RevokeToken", Answer.ok(JSON.createObjectNode()));

        var owner = authenticator(WITH_SECRET, SignInFlow.USER_SRP_AUTH).revokeRefreshToken("the-refresh-token");

        assertThat(owner).isEqualTo(new dev.userpool.core.domain.UserId("sub-alice"));
        assertThat(stub.operations()).endsWith("GetTokensFromRefreshToken", "RevokeToken");
        var revoke = stub.last("RevokeToken");
        assertThat(revoke.text("Token")).isEqualTo("the-refresh-token");
        assertThat(revoke.text("ClientId")).isEqualTo("client-1");
        assertThat(revoke.text("ClientSecret")).isEqualTo("s3cr3t-of-the-client");
    }

    @Test
    void anUnknownRefreshTokenIsNotRevokedButRefused() {
        stub.answer("InitiateAuth", Answer.error("NotAuthorizedException", "Invalid Refresh Token"));

        assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).revokeRefreshToken("unknown"),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(stub.requests("RevokeToken")).isEmpty();
    }

    @Test
    void anOperatorsSignOutIsAdminUserGlobalSignOut() {
        stub.answer("AdminUserGlobalSignOut", Answer.ok(JSON.createObjectNode()));

        authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).adminGlobalSignOut(ALICE);

        assertThat(stub.last("AdminUserGlobalSignOut").text("UserPoolId")).isEqualTo(StubCognito.POOL_ID);
        assertThat(stub.last("AdminUserGlobalSignOut").text("Username")).isEqualTo("alice@example.com");
    }

    @Test
    void withoutAClientSecretRefreshIsRefreshTokenAuth() {
        stub.answer("InitiateAuth", Answer.ok(authenticated(null, 3600)));

        Tokens tokens = authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).refresh("the-refresh-token").tokens();

        var request = stub.last("InitiateAuth");
        assertThat(request.text("AuthFlow")).isEqualTo("REFRESH_TOKEN_AUTH");
        assertThat(request.parameter("AuthParameters", "REFRESH_TOKEN")).isEqualTo("the-refresh-token");
        assertThat(tokens.refreshToken()).isEmpty();
    }

    @Test
    void withAClientSecretRefreshSendsTheSecretItselfBecauseNoUsernameIsKnown() {
        stub.answer("GetTokensFromRefreshToken", Answer.ok(authenticated(null, 3600)));

        Tokens tokens = authenticator(WITH_SECRET, SignInFlow.USER_SRP_AUTH).refresh("the-refresh-token").tokens();

        var request = stub.last("GetTokensFromRefreshToken");
        assertThat(request.text("ClientId")).isEqualTo("client-1");
        assertThat(request.text("ClientSecret")).isEqualTo("s3cr3t-of-the-client");
        assertThat(request.text("RefreshToken")).isEqualTo("the-refresh-token");
        assertThat(stub.requests("InitiateAuth")).isEmpty();
        assertThat(tokens.idToken()).isEqualTo(ID_TOKEN);
    }

    @Test
    void aRotatedRefreshTokenIsHandedOnRatherThanLost() {
        stub.answer("GetTokensFromRefreshToken", Answer.ok(authenticated("rotated-refresh-token", 3600)));

        assertThat(authenticator(WITH_SECRET, SignInFlow.USER_SRP_AUTH).refresh("old").tokens().refreshToken()).contains("rotated-refresh-token");
    }

    @Test
    void anInvalidRefreshTokenIsNotAuthorizedWithoutTheToken() {
        stub.answer("InitiateAuth", Answer.error("NotAuthorizedException", "Invalid Refresh Token the-refresh-token"));

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).refresh("the-refresh-token").tokens(),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).doesNotContain("the-refresh-token");
    }

    @Test
    void globalSignOutSendsTheAccessToken() {
        authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).globalSignOut("the-access-token");

        assertThat(stub.last("GlobalSignOut").text("AccessToken")).isEqualTo("the-access-token");
    }

    @Test
    void aChangedPasswordEndsTheUsersSessions() {
        authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH).changePassword("the-access-token", PASSWORD, NEW_PASSWORD);

        assertThat(stub.operations()).containsExactly("ChangePassword", "GlobalSignOut");
        var change = stub.last("ChangePassword");
        assertThat(change.text("PreviousPassword")).isEqualTo("Correct-Horse-9");
        assertThat(change.text("ProposedPassword")).isEqualTo("Battery-Staple-7");
        assertThat(stub.last("GlobalSignOut").text("AccessToken")).isEqualTo("the-access-token");
    }

    @Test
    void aRefusedChangeEndsNothing() {
        stub.answer("ChangePassword", Answer.error("NotAuthorizedException", "Incorrect username or password."));

        assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH)
                .changePassword("the-access-token", NEW_PASSWORD, NEW_PASSWORD), ErrorCode.NOT_AUTHORIZED);
        assertThat(stub.requests("GlobalSignOut")).isEmpty();
    }

    @Test
    void whenSessionsCannotBeEndedTheCallerLearnsThatThePasswordDidChange() {
        stub.always("GlobalSignOut", Answer.error(500, "InternalErrorException", "boom"));

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH)
                .changePassword("the-access-token", PASSWORD, NEW_PASSWORD), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("The password was changed, but other sessions could not be ended");
    }

    @Test
    void forgotAndConfirmForgotPasswordNameTheUserWithTheSecretHashAndTheResetEndsSessions() {
        stub.answer("ForgotPassword", Answer.ok("{\"CodeDeliveryDetails\":{\"Destination\":\"a***@e***.com\","
                + "\"DeliveryMedium\":\"EMAIL\",\"AttributeName\":\"email\"}}"));
        CognitoAuthenticator authenticator = authenticator(WITH_SECRET, SignInFlow.USER_SRP_AUTH);

        CodeDelivery delivery = authenticator.forgotPassword(ALICE);
        authenticator.confirmForgotPassword(ALICE, ConfirmationCode.parse("123456"), NEW_PASSWORD);

        String hash = WITH_SECRET.secretHash("alice@example.com").orElseThrow();
        assertThat(delivery).isEqualTo(CodeDelivery.email(ALICE));
        assertThat(stub.last("ForgotPassword").text("SecretHash")).isEqualTo(hash);
        var confirm = stub.last("ConfirmForgotPassword");
        assertThat(confirm.text("SecretHash")).isEqualTo(hash);
        assertThat(confirm.text("ConfirmationCode")).isEqualTo("123456");
        assertThat(confirm.text("Password")).isEqualTo("Battery-Staple-7");
        assertThat(stub.operations()).endsWith("ConfirmForgotPassword", "AdminUserGlobalSignOut");
        assertThat(stub.last("AdminUserGlobalSignOut").text("UserPoolId")).isEqualTo(StubCognito.POOL_ID);
        assertThat(stub.last("AdminUserGlobalSignOut").text("Username")).isEqualTo("alice@example.com");
    }

    @Test
    void aWrongResetCodeChangesAndEndsNothing() {
        stub.answer("ConfirmForgotPassword", Answer.error("CodeMismatchException", "Invalid code 123456"));

        var e = assertRefused(() -> authenticator(WITHOUT_SECRET, SignInFlow.USER_SRP_AUTH)
                .confirmForgotPassword(ALICE, ConfirmationCode.parse("123456"), NEW_PASSWORD), ErrorCode.CODE_MISMATCH);
        assertThat(e.getMessage()).doesNotContain("123456");
        assertThat(stub.requests("AdminUserGlobalSignOut")).isEmpty();
    }
}
