package dev.userpool.app.localpool;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.CognitoSoftwareTokens;
import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.testing.Oathtool;
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: authenticator apps kept by Cognito, through the Cognito adapter ({@link CognitoSoftwareTokens})
 * against the local pool, which speaks Cognito's API: enrolment with the holder's access token
 * (AssociateSoftwareToken, VerifySoftwareToken), the preference and removal through the admin API, then
 * the {@code SOFTWARE_TOKEN_MFA} sign-in through the adapter's authenticator; and the same through the
 * REST API of an app whose directory is Cognito (its callers present Cognito's access token). Codes from
 * oathtool.
 */
class CognitoAdapterSoftwareTokensOnLocalPoolIT {
    private static final Password PASSWORD = Password.of("Correct-Horse-9!");
    private LocalPoolForCognitoAdapter bed;
    private RunningApp appOnCognito;

    @AfterEach
    void stop() {
        if (appOnCognito != null) appOnCognito.close();
        if (bed != null) bed.close();
    }

    @Test
    void theHolderSetsAnAppUpWithTheAccessTokenAndSignsInWithItsCode() {
        bed = LocalPoolForCognitoAdapter.start(SignInFlow.USER_SRP_AUTH);
        CognitoSoftwareTokens apps = new CognitoSoftwareTokens(bed.client, bed.pool);
        EmailAddress email = confirmed();
        SignedIn first = (SignedIn) bed.authenticator.signInStep(email, PASSWORD);
        String accessToken = first.tokens().accessToken();
        UserId user = first.principal().id();
        assertThat(apps.settings(user)).isEqualTo(MfaSettings.NONE);

        // by id alone Cognito cannot: the adapter says why
        assertThatThrownBy(() -> apps.associate(user)).isInstanceOfSatisfying(UserPoolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.getMessage()).contains("access token");
        });
        SoftwareTokenSecret secret = apps.associate(user, accessToken);
        assertThat(secret.base32()).matches("[A-Z2-7]+=*");
        assertRefused(() -> apps.setPreference(user, new SoftwareTokenPreference(true, false)), ErrorCode.INVALID_PARAMETER);
        String now = Oathtool.code(secret.base32(), Instant.now());
        assertRefused(() -> apps.verify(user, accessToken, new TotpCode(now.equals("000000") ? "111111" : "000000")),
                ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA);
        apps.verify(user, accessToken, new TotpCode(now));

        MfaSettings on = apps.setPreference(user, new SoftwareTokenPreference(true, true));
        assertThat(on.enabledFactors()).containsExactly(MfaSettings.SOFTWARE_TOKEN_MFA);
        assertThat(on.preferred()).contains(MfaSettings.SOFTWARE_TOKEN_MFA);

        MfaRequired challenge = (MfaRequired) bed.authenticator.signInStep(email, PASSWORD);
        assertThat(challenge.kind()).isEqualTo(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
        SignedIn signedIn = bed.authenticator.answerMfa(new MfaAnswer(challenge.user(), challenge.kind(), challenge.session(),
                Optional.of(new TotpCode(Oathtool.code(secret.base32(), Instant.now().plusSeconds(30))))));
        assertThat(signedIn.principal().id()).isEqualTo(user);

        assertThat(apps.remove(user)).isTrue();
        assertThat(apps.settings(user).enabledFactors()).isEmpty();
        assertThat(bed.authenticator.signInStep(email, PASSWORD)).isInstanceOf(SignedIn.class);
        assertThat(apps.remove(user)).isFalse();
        assertRefused(() -> apps.settings(new UserId(UUID.randomUUID().toString())), ErrorCode.USER_NOT_FOUND);
    }

    /** The app with USERPOOL_DIRECTORY=cognito (the local pool as its Cognito): its REST enrolment and sign-in. */
    @Test
    void anAppOnCognitoEnrolsThroughItsRestApiAndAsksTheCodeAtSignIn() {
        bed = LocalPoolForCognitoAdapter.start(SignInFlow.USER_SRP_AUTH);
        appOnCognito = RunningApp.start(Map.of(
                "USERPOOL_DIRECTORY", "cognito",
                "AWS_REGION", "us-east-1",
                "USERPOOL_COGNITO_USER_POOL_ID", LocalPoolSettings.DEFAULT_POOL_ID,
                "USERPOOL_COGNITO_CLIENT_ID", EmbeddedSettings.DEFAULT_CLIENT_ID,
                "USERPOOL_COGNITO_ENDPOINT", bed.app.baseUrl().toString()));
        ApiClient a = new ApiClient(appOnCognito.baseUrl());
        EmailAddress email = confirmed();
        String token = a.signIn(email.value(), PASSWORD.reveal()).path("accessToken").asText();

        ApiClient.Response associated = a.post("/api/me/mfa/totp", Map.of(), token);
        assertThat(associated.status()).as(associated.text()).isEqualTo(200);
        String secret = associated.json().path("secret").asText();
        ApiClient.Response verified = a.post("/api/me/mfa/totp/verify", Map.of("code", Oathtool.code(secret, Instant.now())), token);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        ApiClient.Response on = a.send("PUT", "/api/me/mfa", Map.of("enabled", true, "preferred", true), token);
        assertThat(on.status()).as(on.text()).isEqualTo(200);
        assertThat(a.get("/api/me/mfa", token).text()).contains("SOFTWARE_TOKEN_MFA");

        ApiClient.Response challenge = a.post("/api/signin", Map.of("email", email.value(), "password", PASSWORD.reveal()));
        assertThat(challenge.json().path("challenge").asText()).as(challenge.text()).isEqualTo("SOFTWARE_TOKEN_MFA");
        ApiClient.Response answered = a.post("/api/signin/mfa", Map.of("email", email.value(),
                "session", challenge.json().path("session").asText(),
                "code", Oathtool.code(secret, Instant.now().plusSeconds(30))));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        JsonNode tokens = answered.json();
        assertThat(tokens.path("accessToken").asText()).isNotBlank();
    }

    /** Signed up and confirmed with the AWS SDK. */
    private EmailAddress confirmed() {
        EmailAddress email = new EmailAddress("cognito-apps-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String clientId = EmbeddedSettings.DEFAULT_CLIENT_ID;
        bed.client.signUp(b -> b.clientId(clientId).username(email.value()).password(PASSWORD.reveal()));
        bed.client.adminConfirmSignUp(b -> b.userPoolId(bed.pool.userPoolId()).username(email.value()));
        return email;
    }
}
