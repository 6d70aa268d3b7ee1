package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.srp.PasswordClaim;
import dev.userpool.cognito.srp.PasswordVerifierChallenge;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.cognito.srp.SrpStart;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Every operation of the local pool through the AWS SDK for Java's own Cognito client, which reads
 * answers with Cognito's service model: each call does what the same action does over the REST API —
 * the same use case, audit event and limits — and answers in Cognito's shapes and errors.
 */
class CognitoSdkTest {
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

    // ------------------------------------------------------------------ registration

    @Test
    void signUpConfirmAndResendSpeakCognito() {
        String email = address();
        SignUpResponse signedUp = signUp(email);
        assertThat(signedUp.userConfirmed()).isFalse();
        assertThat(signedUp.userSub()).matches("[0-9a-f-]{36}");
        assertThat(signedUp.codeDeliveryDetails().destination()).matches("[a-z]\\*\\*\\*@e\\*\\*\\*\\.com");
        assertThat(signedUp.codeDeliveryDetails().deliveryMediumAsString()).isEqualTo("EMAIL");
        assertThat(signedUp.codeDeliveryDetails().attributeName()).isEqualTo("email");

        assertThatThrownBy(() -> signUp(email.toUpperCase())).isInstanceOf(UsernameExistsException.class);
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId(CLIENT).username(address()).password("short")))
                .isInstanceOf(InvalidPasswordException.class).hasMessageContaining("Password does not conform to policy");
        assertThatThrownBy(() -> cognito.signUp(b -> b.clientId(CLIENT).username("not-an-address").password(PASSWORD)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Username should be an email.");

        String first = api.latestCode(email);
        assertThat(cognito.resendConfirmationCode(b -> b.clientId(CLIENT).username(email)).codeDeliveryDetails().destination())
                .contains("***");
        String second = api.latestCode(email);
        if (!first.equals(second)) {
            assertThatThrownBy(() -> confirm(email, first)).isInstanceOf(CodeMismatchException.class)
                    .satisfies(cognitoMessage("Invalid verification code provided, please try again."));
        }
        confirm(email, second);
        assertThat(adminGetUser(email).userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(attribute(adminGetUser(email).userAttributes(), "email_verified")).isEqualTo("true");
        // With user-enumeration protection a confirmed account answers like an unknown one (README: differences from Cognito).
        assertThatThrownBy(() -> confirm(email, second)).isInstanceOf(CodeMismatchException.class)
                .satisfies(cognitoMessage("Invalid verification code provided, please try again."));

        assertThat(events(email)).extracting(AuditEvent::type).contains(AuditEventType.SIGN_UP,
                AuditEventType.CONFIRMATION_CODE_SENT, AuditEventType.SIGN_UP_CONFIRMED);
    }

    @Test
    void confirmationAttemptsAreLimitedAsOverTheRestApi() {
        String email = address();
        signUp(email);
        String code = api.latestCode(email);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        for (int i = 0; i < 15; i++) {
            assertThatThrownBy(() -> confirm(email, wrong)).isInstanceOf(CodeMismatchException.class);
        }
        assertThatThrownBy(() -> confirm(email, code)).isInstanceOf(LimitExceededException.class)
                .satisfies(cognitoMessage("Attempt limit exceeded, please try after some time."));
        clock.advance(Duration.ofHours(1));
        confirm(email, code);
    }

    // ------------------------------------------------------------------ sign-in

    @Test
    void userSrpAuthWithUserpoolsJavaClientGivesTokensAndASignInEvent() {
        String email = confirmedUser();

        AuthenticationResultType result = srpSignIn(email, PASSWORD, PasswordClaim::challengeResponses);

        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.expiresIn()).isEqualTo(3600);
        assertThat(api.get("/api/me", result.idToken()).json().path("email").asText()).isEqualTo(email);
        AuditEvent signIn = events(email).stream().filter(e -> e.type() == AuditEventType.SIGN_IN).findFirst().orElseThrow();
        assertThat(signIn.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(signIn.email()).isEqualTo(email);
        assertThat(signIn.userId()).isPresent();
    }

    @Test
    void aWrongPasswordStaleTimestampOrReusedChallengeIsNotAuthorized() {
        String email = confirmedUser();
        assertThatThrownBy(() -> srpSignIn(email, "Wrong-Horse-9!", PasswordClaim::challengeResponses))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Incorrect username or password."));

        SrpClient slow = new SrpClient(POOL, java.time.Clock.fixed(clock.instant().minus(Duration.ofMinutes(6)), java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> srpSignIn(slow, email, PASSWORD, PasswordClaim::challengeResponses))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Incorrect username or password."));

        SrpClient srp = new SrpClient(POOL, clock);
        SrpStart start = srp.start();
        InitiateAuthResponse challenge = initiateSrp(email, start);
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(challenge.challengeParameters()), Password.of(PASSWORD));
        respond(challenge, claim.challengeResponses());
        assertThatThrownBy(() -> respond(challenge, claim.challengeResponses()))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Invalid session for the user."));

        SrpStart late = srp.start();
        InitiateAuthResponse lateChallenge = initiateSrp(email, late);
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        PasswordClaim lateClaim = srp.answer(late, PasswordVerifierChallenge.from(lateChallenge.challengeParameters()), Password.of(PASSWORD));
        assertThatThrownBy(() -> respond(lateChallenge, lateClaim.challengeResponses()))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Invalid session for the user, session is expired."));
    }

    @Test
    void theLockoutHoldsForSrpAndPasswordsAlike() {
        String email = confirmedUser();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> srpSignIn(email, "Wrong-Horse-9!", PasswordClaim::challengeResponses))
                    .isInstanceOf(NotAuthorizedException.class);
        }
        assertThatThrownBy(() -> srpSignIn(email, PASSWORD, PasswordClaim::challengeResponses))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Password attempts exceeded"));
        assertThatThrownBy(() -> passwordSignIn(email, PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Password attempts exceeded"));
        assertThat(api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).json().path("detail").asText())
                .isEqualTo("Password attempts exceeded");
        clock.advance(Duration.ofMinutes(15));
        assertThat(srpSignIn(email, PASSWORD, PasswordClaim::challengeResponses).idToken()).isNotBlank();
    }

    @Test
    void anUnknownUserGetsAChallengeAndFailsLikeAWrongPasswordWhileAnUnconfirmedOneIsToldSo() {
        SrpClient srp = new SrpClient(POOL, clock);
        SrpStart start = srp.start();
        InitiateAuthResponse challenge = initiateSrp("nobody-" + UUID.randomUUID() + "@example.com", start);
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.PASSWORD_VERIFIER);
        assertThat(challenge.challengeParameters()).containsKeys("SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP");
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(challenge.challengeParameters()), Password.of(PASSWORD));
        assertThatThrownBy(() -> respond(challenge, claim.challengeResponses()))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Incorrect username or password."));
        assertThatThrownBy(() -> passwordSignIn("nobody@example.com", PASSWORD))
                .isInstanceOf(NotAuthorizedException.class).satisfies(cognitoMessage("Incorrect username or password."));

        String waiting = address();
        signUp(waiting);
        assertThatThrownBy(() -> srpSignIn(waiting, PASSWORD, PasswordClaim::challengeResponses))
                .isInstanceOf(UserNotConfirmedException.class).satisfies(cognitoMessage("User is not confirmed."));
    }

    @Test
    void passwordSignInRefreshRevokeAndGlobalSignOut() {
        String email = confirmedUser();
        AuthenticationResultType first = passwordSignIn(email, PASSWORD);
        AuthenticationResultType second = passwordSignIn(email, PASSWORD);

        AuthenticationResultType refreshed = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(CLIENT)
                .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))).authenticationResult();
        assertThat(refreshed.refreshToken()).isNull();
        assertThat(api.get("/api/me", refreshed.accessToken()).status()).isEqualTo(200);
        assertThat(cognito.getTokensFromRefreshToken(b -> b.clientId(CLIENT).refreshToken(first.refreshToken()))
                .authenticationResult().idToken()).isNotBlank();

        cognito.revokeToken(b -> b.clientId(CLIENT).token(first.refreshToken()));
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(CLIENT)
                .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())))).isInstanceOf(NotAuthorizedException.class);
        assertThat(api.get("/api/me", first.accessToken()).status()).as("the revoked session's tokens").isEqualTo(401);
        assertThat(cognito.getUser(b -> b.accessToken(second.accessToken())).username()).as("the other session goes on").isNotBlank();

        cognito.globalSignOut(b -> b.accessToken(second.accessToken()));
        assertThatThrownBy(() -> cognito.getUser(b -> b.accessToken(second.accessToken()))).isInstanceOf(NotAuthorizedException.class);
        assertThat(events(email)).filteredOn(e -> e.type() == AuditEventType.SIGN_OUT).hasSize(2);
    }

    @Test
    void unsupportedFlowsAndChallengesAreNamed() {
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.CUSTOM_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", "a@example.com")))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("CUSTOM_AUTH");
        assertThatThrownBy(() -> cognito.respondToAuthChallenge(b -> b.challengeName(ChallengeNameType.SMS_MFA).clientId(CLIENT)
                .challengeResponses(Map.of("USERNAME", "a")))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("SMS_MFA");
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId("other")
                .authParameters(Map.of("USERNAME", "a@example.com", "PASSWORD", PASSWORD))))
                .isInstanceOfSatisfying(CognitoIdentityProviderException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    // ------------------------------------------------------------------ the account holder

    @Test
    void getUserChangePasswordForgotPasswordAndDeleteUser() {
        String email = confirmedUser();
        AuthenticationResultType tokens = passwordSignIn(email, PASSWORD);
        var me = cognito.getUser(b -> b.accessToken(tokens.accessToken()));
        assertThat(me.username()).isEqualTo(adminGetUser(email).username());
        assertThat(attribute(me.userAttributes(), "email")).isEqualTo(email);

        assertThatThrownBy(() -> cognito.changePassword(b -> b.accessToken(tokens.accessToken()).previousPassword("Wrong-Horse-9!")
                .proposedPassword("Battery-Staple-7!"))).isInstanceOf(NotAuthorizedException.class);
        cognito.changePassword(b -> b.accessToken(tokens.accessToken()).previousPassword(PASSWORD).proposedPassword("Battery-Staple-7!"));
        assertThat(srpSignIn(email, "Battery-Staple-7!", PasswordClaim::challengeResponses).idToken())
                .as("the new password's SRP verifier").isNotBlank();

        assertThat(cognito.forgotPassword(b -> b.clientId(CLIENT).username(email)).codeDeliveryDetails().destination()).contains("***");
        assertThat(cognito.forgotPassword(b -> b.clientId(CLIENT).username("nobody@example.com")).codeDeliveryDetails())
                .as("an unknown address answers like a known one").isNotNull();
        String code = api.latestCode(email);
        assertThatThrownBy(() -> cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username(email).confirmationCode("000000")
                .password("Third-Password-5!"))).isInstanceOfAny(CodeMismatchException.class, ExpiredCodeException.class);
        cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username(email).confirmationCode(code).password("Third-Password-5!"));
        assertThat(srpSignIn(email, "Third-Password-5!", PasswordClaim::challengeResponses).idToken()).isNotBlank();
        assertThatThrownBy(() -> srpSignIn(email, "Battery-Staple-7!", PasswordClaim::challengeResponses)).isInstanceOf(NotAuthorizedException.class);

        AuthenticationResultType last = passwordSignIn(email, "Third-Password-5!");
        cognito.deleteUser(b -> b.accessToken(last.accessToken()));
        assertThatThrownBy(() -> adminGetUser(email)).isInstanceOf(UserNotFoundException.class).satisfies(cognitoMessage("User does not exist."));
        assertThat(events(email)).extracting(AuditEvent::type).contains(AuditEventType.PASSWORD_CHANGED,
                AuditEventType.PASSWORD_RESET_REQUESTED, AuditEventType.PASSWORD_RESET, AuditEventType.USER_DELETED);
    }

    // ------------------------------------------------------------------ admin

    @Test
    void adminOperationsActAsTheSystemAndAreRecorded() {
        String email = address();
        String sub = signUp(email).userSub();

        cognito.adminConfirmSignUp(b -> b.userPoolId(POOL).username(email));
        AdminGetUserResponse user = adminGetUser(sub);   // by its sub, Cognito's username here
        assertThat(user.username()).isEqualTo(sub);
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(user.enabled()).isTrue();
        assertThat(user.userCreateDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(attribute(user.userAttributes(), "email_verified")).isEqualTo("false");

        cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(email)
                .userAttributes(AttributeType.builder().name("email_verified").value("true").build()));
        assertThat(attribute(adminGetUser(email).userAttributes(), "email_verified")).isEqualTo("true");
        assertThatThrownBy(() -> cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(email)
                .userAttributes(AttributeType.builder().name("email").value("other@example.com").build())))
                .isInstanceOf(InvalidParameterException.class);

        AuthenticationResultType tokens = passwordSignIn(email, PASSWORD);
        cognito.adminDisableUser(b -> b.userPoolId(POOL).username(email));
        assertThat(adminGetUser(email).enabled()).isFalse();
        assertThatThrownBy(() -> passwordSignIn(email, PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("User is disabled."));
        cognito.adminEnableUser(b -> b.userPoolId(POOL).username(email));
        AuthenticationResultType again = passwordSignIn(email, PASSWORD);
        cognito.adminUserGlobalSignOut(b -> b.userPoolId(POOL).username(email));
        assertThat(api.get("/api/me", again.accessToken()).status()).isEqualTo(401);
        cognito.adminDeleteUser(b -> b.userPoolId(POOL).username(email));
        assertThatThrownBy(() -> adminGetUser(email)).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> cognito.adminDeleteUser(b -> b.userPoolId(POOL).username(email))).isInstanceOf(UserNotFoundException.class);

        List<AuditEvent> trail = events(email);
        assertThat(trail).extracting(AuditEvent::type).contains(AuditEventType.SIGN_UP_CONFIRMED, AuditEventType.EMAIL_VERIFIED,
                AuditEventType.USER_DISABLED, AuditEventType.USER_ENABLED, AuditEventType.SIGN_OUT, AuditEventType.USER_DELETED);
        assertThat(trail).filteredOn(e -> e.type() == AuditEventType.USER_DISABLED).extracting(AuditEvent::actor)
                .containsExactly(Actor.system());
        assertThat(tokens).isNotNull();
    }

    @Test
    void listUsersFiltersAndPagesAsCognitoDoes() {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String a = prefix + "a@example.com";
        String b = prefix + "b@example.com";
        String c = prefix + "c@example.com";
        String subA = signUp(a).userSub();
        signUp(b);
        signUp(c);
        cognito.adminConfirmSignUp(r -> r.userPoolId(POOL).username(b));
        cognito.adminDisableUser(r -> r.userPoolId(POOL).username(c));

        assertThat(emails(list("email ^= \"" + prefix + "\"", 60))).containsExactly(a, b, c);
        assertThat(emails(list("email = \"" + b + "\"", 60))).containsExactly(b);
        assertThat(emails(list("cognito:user_status = \"UNCONFIRMED\"", 60))).contains(a, c).doesNotContain(b);
        assertThat(emails(list("status = \"Disabled\"", 60))).containsExactly(c);
        assertThat(emails(list("sub = \"" + subA + "\"", 60))).containsExactly(a);
        assertThat(emails(list("username = \"" + subA + "\"", 60))).containsExactly(a);
        assertThat(emails(list("phone_number = \"+15555550100\"", 60))).isEmpty();
        assertThatThrownBy(() -> list("shoe_size = \"9\"", 60)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> list("email = unquoted", 60)).isInstanceOf(InvalidParameterException.class);

        ListUsersResponse page1 = cognito.listUsers(r -> r.userPoolId(POOL).limit(2).filter("email ^= \"" + prefix + "\""));
        assertThat(page1.users()).hasSize(2);
        assertThat(page1.paginationToken()).isNotBlank();
        ListUsersResponse page2 = cognito.listUsers(r -> r.userPoolId(POOL).limit(2).filter("email ^= \"" + prefix + "\"")
                .paginationToken(page1.paginationToken()));
        assertThat(emails(page2.users())).containsExactly(c);
        assertThat(page2.paginationToken()).isNull();
        assertThat(cognito.listUsersPaginator(r -> r.userPoolId(POOL).limit(1).filter("email ^= \"" + prefix + "\"")).users().stream()
                .map(u -> attribute(u.attributes(), "email")).toList()).containsExactly(a, b, c);
        assertThatThrownBy(() -> cognito.listUsers(r -> r.userPoolId(POOL).limit(61))).isInstanceOf(InvalidParameterException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static String address() {
        return "sdk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The message Cognito sent, as the SDK read it from the error body (its getMessage() adds the request id). */
    private static org.assertj.core.api.ThrowingConsumer<Throwable> cognitoMessage(String expected) {
        return e -> assertThat(((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage()).isEqualTo(expected);
    }

    private SignUpResponse signUp(String email) {
        return cognito.signUp(b -> b.clientId(CLIENT).username(email).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }

    private void confirm(String email, String code) {
        cognito.confirmSignUp(b -> b.clientId(CLIENT).username(email).confirmationCode(code));
    }

    private String confirmedUser() {
        String email = address();
        signUp(email);
        confirm(email, api.latestCode(email));
        return email;
    }

    private AdminGetUserResponse adminGetUser(String username) {
        return cognito.adminGetUser(b -> b.userPoolId(POOL).username(username));
    }

    private AuthenticationResultType passwordSignIn(String email, String password) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password))).authenticationResult();
    }

    private AuthenticationResultType srpSignIn(String email, String password, Function<PasswordClaim, Map<String, String>> responses) {
        return srpSignIn(new SrpClient(POOL, clock), email, password, responses);
    }

    private AuthenticationResultType srpSignIn(SrpClient srp, String email, String password,
                                               Function<PasswordClaim, Map<String, String>> responses) {
        SrpStart start = srp.start();
        InitiateAuthResponse challenge = initiateSrp(email, start);
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(challenge.challengeParameters()), Password.of(password));
        return respond(challenge, responses.apply(claim));
    }

    private InitiateAuthResponse initiateSrp(String username, SrpStart start) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_SRP_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", username, "SRP_A", start.srpA())));
    }

    private AuthenticationResultType respond(InitiateAuthResponse challenge, Map<String, String> responses) {
        return cognito.respondToAuthChallenge(b -> b.challengeName(ChallengeNameType.PASSWORD_VERIFIER).clientId(CLIENT)
                .session(challenge.session()).challengeResponses(new HashMap<>(responses))).authenticationResult();
    }

    private List<UserType> list(String filter, int limit) {
        return cognito.listUsers(r -> r.userPoolId(POOL).limit(limit).filter(filter)).users();
    }

    private static List<String> emails(List<UserType> users) {
        return users.stream().map(u -> attribute(u.attributes(), "email")).toList();
    }

    private static String attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
    }

    /** Every event naming {@code email}, oldest first (by time range: a deleted account's trail is no longer found by address). */
    private List<AuditEvent> events(String email) {
        List<AuditEvent> all = new java.util.ArrayList<>();
        PageRequest page = PageRequest.first(60);
        while (true) {
            var found = app.component().auditQueries().between(Instant.EPOCH, clock.instant().plusSeconds(1), page);
            found.items().stream().filter(e -> e.email().equals(email)).forEach(all::add);
            if (found.nextCursor().isEmpty()) return all;
            page = new PageRequest(60, found.nextCursor());
        }
    }
}
