package dev.userpool.app.localpool;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.cognito.SignInFlow;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaAnswer;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.testing.Oathtool;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * The Cognito adapter's second step (issue 14, TOTP) through Cognito's real API against the local pool,
 * which proves the wire: a sign-in of an account whose app is on comes back as {@link MfaRequired}
 * (Cognito's session), and {@code answerMfa} answers RespondToAuthChallenge {@code SOFTWARE_TOKEN_MFA}.
 * Enrolment is made with the SDK here (the adapter's own, with the holder's access token, is
 * CognitoAdapterSoftwareTokensOnLocalPoolIT's). Codes from oathtool.
 */
class CognitoAdapterTotpOnLocalPoolIT {
    private static final Password PASSWORD = Password.of("Correct-Horse-9!");
    private LocalPoolForCognitoAdapter bed;

    @AfterEach
    void stop() {
        if (bed != null) bed.close();
    }

    @ParameterizedTest
    @EnumSource(SignInFlow.class)
    void aSignInOfAnAccountWithItsAppOnIsAnsweredWithTheAppsCode(SignInFlow flow) {
        bed = LocalPoolForCognitoAdapter.start(flow);
        EmailAddress email = new EmailAddress("cognito-totp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String secret = enrolled(email);

        MfaRequired challenge = (MfaRequired) bed.authenticator.signInStep(email, PASSWORD);
        assertThat(challenge.kind()).isEqualTo(MfaRequired.Kind.SOFTWARE_TOKEN_MFA);
        assertThat(challenge.user().email()).isEqualTo(email);
        String wrong = Oathtool.code(secret, Instant.now()).equals("000000") ? "111111" : "000000";
        assertRefused(() -> bed.authenticator.answerMfa(new MfaAnswer(challenge.user(), challenge.kind(), challenge.session(),
                Optional.of(new TotpCode(wrong)))), ErrorCode.CODE_MISMATCH);

        MfaRequired again = (MfaRequired) bed.authenticator.signInStep(email, PASSWORD);
        // the next step's code: the step VerifySoftwareToken accepted is spent
        String code = Oathtool.code(secret, Instant.now().plusSeconds(30));
        var signedIn = bed.authenticator.answerMfa(new MfaAnswer(again.user(), again.kind(), again.session(),
                Optional.of(new TotpCode(code))));
        assertThat(bed.verifier.verify(signedIn.tokens().idToken()).email()).contains(email);
    }

    /** Signed up, confirmed, an app associated, verified and turned on, with the AWS SDK. */
    private String enrolled(EmailAddress email) {
        var cognito = bed.client;
        String clientId = dev.userpool.embedded.EmbeddedSettings.DEFAULT_CLIENT_ID;
        cognito.signUp(b -> b.clientId(clientId).username(email.value()).password(PASSWORD.reveal()));
        cognito.adminConfirmSignUp(b -> b.userPoolId(bed.pool.userPoolId()).username(email.value()));
        String token = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email.value(), "PASSWORD", PASSWORD.reveal()))).authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(token)).secretCode();
        cognito.verifySoftwareToken(b -> b.accessToken(token).userCode(Oathtool.code(secret, Instant.now())));
        cognito.setUserMFAPreference(b -> b.accessToken(token).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        return secret;
    }
}
