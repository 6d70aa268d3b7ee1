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
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedUserStateException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * AdminCreateUser, the NEW_PASSWORD_REQUIRED challenge, AdminSetUserPassword and AdminResetUserPassword
 * through the AWS SDK for Java's own Cognito client, against a running local pool.
 */
class InvitationsOverCognitoSdkTest {
    private static final String POOL = LocalPoolSettings.DEFAULT_POOL_ID;
    private static final String CLIENT = EmbeddedSettings.DEFAULT_CLIENT_ID;
    private static final String TEMPORARY = "Temporary-Pass-1";
    private static final String CHOSEN = "My-Own-Password-2";
    private static final Pattern TEMPORARY_IN_MAIL = Pattern.compile("choose your own password: (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void anInvitedUserAnswersNewPasswordRequiredAndIsConfirmed() throws Exception {
        String email = address();
        AdminCreateUserResponse created = cognito.adminCreateUser(b -> b.userPoolId(POOL).username(email)
                .desiredDeliveryMediumsWithStrings("EMAIL"));
        assertThat(created.user().userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(created.user().enabled()).isTrue();
        assertThat(attribute(created.user().attributes(), "email")).isEqualTo(email);
        assertThat(attribute(created.user().attributes(), "email_verified")).isEqualTo("false");
        assertThat(created.user().userCreateDate()).isNotNull();
        assertThat(created.user().userLastModifiedDate()).isNotNull();

        String temporary = temporaryPasswordMailedTo(email);
        InitiateAuthResponse challenge = passwordSignIn(email, temporary);
        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThat(challenge.session()).isNotBlank();
        assertThat(challenge.authenticationResult()).isNull();
        JsonNode userAttributes = JSON.readTree(challenge.challengeParameters().get("userAttributes"));
        assertThat(userAttributes.path("email").asText()).isEqualTo(email);
        assertThat(userAttributes.has("sub")).isFalse();
        assertThat(challenge.challengeParameters().get("requiredAttributes")).isEqualTo("[]");

        AuthenticationResultType tokens = newPassword(email, challenge.session(), CHOSEN).authenticationResult();
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(passwordSignIn(email, CHOSEN).authenticationResult().idToken()).isNotBlank();
        assertThat(events(email)).extracting(AuditEvent::type).contains(AuditEventType.USER_INVITED,
                AuditEventType.NEW_PASSWORD_REQUIRED, AuditEventType.NEW_PASSWORD_CHOSEN, AuditEventType.SIGN_IN);
    }

    @Test
    void srpSignInOfAnInvitedUserAlsoAnswersNewPasswordRequired() {
        String email = invited(TEMPORARY);
        SrpClient srp = new SrpClient(POOL, clock);
        SrpStart start = srp.start();
        InitiateAuthResponse verifier = cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_SRP_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", email, "SRP_A", start.srpA())));
        PasswordClaim claim = srp.answer(start, PasswordVerifierChallenge.from(verifier.challengeParameters()), Password.of(TEMPORARY));
        RespondToAuthChallengeResponse answered = cognito.respondToAuthChallenge(b -> b
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).clientId(CLIENT)
                .challengeResponses(new HashMap<>(claim.challengeResponses())));
        assertThat(answered.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        // as amazon-cognito-identity-js does after SRP, the answer names the user by USER_ID_FOR_SRP (the sub)
        String sub = answered.challengeParameters().get("USER_ID_FOR_SRP");
        assertThat(newPassword(sub, answered.session(), CHOSEN).authenticationResult().accessToken()).isNotBlank();
    }

    @Test
    void aSessionIsUsedOnceAndBoundToItsUser() {
        String email = invited(TEMPORARY);
        String other = invited(TEMPORARY);
        String session = passwordSignIn(email, TEMPORARY).session();
        String othersSession = passwordSignIn(other, TEMPORARY).session();
        assertThatThrownBy(() -> newPassword(email, othersSession, CHOSEN)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Invalid session for the user."));
        newPassword(email, session, CHOSEN);
        assertThatThrownBy(() -> newPassword(email, session, "Yet-Another-3")).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Invalid session for the user."));
        assertThatThrownBy(() -> newPassword(email, "forged-session", CHOSEN)).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aWeakPasswordIsRefusedWhereverItIsGiven() {
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(POOL).username(address()).temporaryPassword("weak")))
                .isInstanceOf(InvalidPasswordException.class);
        String email = invited(TEMPORARY);
        String session = passwordSignIn(email, TEMPORARY).session();
        assertThatThrownBy(() -> newPassword(email, session, "weak")).isInstanceOf(InvalidPasswordException.class)
                .hasMessageContaining("Password does not conform to policy");
        assertThat(newPassword(email, session, CHOSEN).authenticationResult()).isNotNull();
        assertThatThrownBy(() -> cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(email).password("weak").permanent(true)))
                .isInstanceOf(InvalidPasswordException.class);
    }

    @Test
    void anExpiredTemporaryPasswordMustBeResentByAnAdministrator() {
        String email = invited(TEMPORARY);
        clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> passwordSignIn(email, TEMPORARY)).isInstanceOf(NotAuthorizedException.class)
                .satisfies(cognitoMessage("Temporary password has expired and must be reset by an administrator."));
        cognito.adminCreateUser(b -> b.userPoolId(POOL).username(email).messageAction(MessageActionType.RESEND));
        String fresh = temporaryPasswordMailedTo(email);
        assertThat(passwordSignIn(email, fresh).challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
    }

    @Test
    void adminCreateUserRefusesWhatCognitoRefuses() {
        String email = invited(TEMPORARY);
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(POOL).username(email)))
                .isInstanceOf(UsernameExistsException.class);
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(POOL).username(address()).messageAction(MessageActionType.RESEND)))
                .isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(POOL).username(address()).desiredDeliveryMediumsWithStrings("SMS")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(POOL).username(address())
                .userAttributes(attr("email_verified", "maybe")))).isInstanceOf(InvalidParameterException.class);
        String confirmed = address();
        cognito.adminCreateUser(b -> b.userPoolId(POOL).username(confirmed).temporaryPassword(TEMPORARY)
                .messageAction(MessageActionType.SUPPRESS));
        assertThat(api.firstMessage(confirmed)).isEmpty();
        cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(confirmed).password(CHOSEN).permanent(true));
        assertThatThrownBy(() -> cognito.adminCreateUser(b -> b.userPoolId(POOL).username(confirmed).messageAction(MessageActionType.RESEND)))
                .isInstanceOf(UnsupportedUserStateException.class)
                .satisfies(cognitoMessage("Resend not possible. " + confirmed + " status is not FORCE_CHANGE_PASSWORD"));
    }

    @Test
    void adminSetUserPasswordMakesItPermanentOrTemporary() {
        String email = invited(TEMPORARY);
        cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(email).password(CHOSEN).permanent(true));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(passwordSignIn(email, CHOSEN).authenticationResult()).isNotNull();
        cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(email).password(TEMPORARY).permanent(false));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userStatus())
                .isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(passwordSignIn(email, TEMPORARY).challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
        assertThatThrownBy(() -> cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(address()).password(CHOSEN)))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void adminResetUserPasswordEndsSessionsAndWaitsForTheResetCode() {
        String email = invited(TEMPORARY);
        cognito.adminUpdateUserAttributes(b -> b.userPoolId(POOL).username(email).userAttributes(attr("email_verified", "true")));
        cognito.adminSetUserPassword(b -> b.userPoolId(POOL).username(email).password(CHOSEN).permanent(true));
        String refreshToken = passwordSignIn(email, CHOSEN).authenticationResult().refreshToken();
        cognito.adminResetUserPassword(b -> b.userPoolId(POOL).username(email));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userStatus()).isEqualTo(UserStatusType.RESET_REQUIRED);
        assertThatThrownBy(() -> passwordSignIn(email, CHOSEN)).isInstanceOf(PasswordResetRequiredException.class)
                .satisfies(cognitoMessage("Password reset required for the user"));
        assertThatThrownBy(() -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).clientId(CLIENT)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)))).isInstanceOf(NotAuthorizedException.class);
        cognito.confirmForgotPassword(b -> b.clientId(CLIENT).username(email).confirmationCode(api.latestCode(email))
                .password("Third-Password-3"));
        assertThat(cognito.adminGetUser(b -> b.userPoolId(POOL).username(email)).userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(passwordSignIn(email, "Third-Password-3").authenticationResult()).isNotNull();
        String unverified = invited(TEMPORARY);
        assertThatThrownBy(() -> cognito.adminResetUserPassword(b -> b.userPoolId(POOL).username(unverified)))
                .isInstanceOf(InvalidParameterException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static String address() {
        return "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private String invited(String temporary) {
        String email = address();
        cognito.adminCreateUser(b -> b.userPoolId(POOL).username(email).temporaryPassword(temporary)
                .messageAction(MessageActionType.SUPPRESS));
        return email;
    }

    private String temporaryPasswordMailedTo(String email) {
        JsonNode message = api.firstMessage(email).orElseThrow(() -> new AssertionError("no invitation for " + email));
        Matcher m = TEMPORARY_IN_MAIL.matcher(message.path("textBody").asText());
        if (!m.find()) throw new AssertionError("no temporary password in " + message);
        return m.group(1);
    }

    private InitiateAuthResponse passwordSignIn(String username, String password) {
        return cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(CLIENT)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    private RespondToAuthChallengeResponse newPassword(String username, String session, String password) {
        return cognito.respondToAuthChallenge(b -> b.challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).clientId(CLIENT)
                .session(session).challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", password)));
    }

    private static String attribute(List<AttributeType> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeType::value).findFirst().orElse(null);
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
