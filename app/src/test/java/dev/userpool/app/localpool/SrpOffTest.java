package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.cognito.srp.SrpClient;
import dev.userpool.embedded.EmbeddedSettings;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;

/** {@code USERPOOL_SRP=off}: no SRP verifier is kept, and {@code USER_SRP_AUTH} says why it is refused; passwords still work. */
class SrpOffTest {

    @Test
    void srpIsRefusedWithAClearErrorAndPasswordsStillSignIn() {
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_SRP", "off"));
             CognitoIdentityProviderClient cognito = CognitoSdk.client(app.baseUrl())) {
            ApiClient api = new ApiClient(app.baseUrl());
            api.register("off@example.com");

            String srpA = new SrpClient("local_Userpool1", Clock.systemUTC()).start().srpA();
            assertThatThrownBy(() -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_SRP_AUTH).clientId(EmbeddedSettings.DEFAULT_CLIENT_ID)
                    .authParameters(Map.of("USERNAME", "off@example.com", "SRP_A", srpA))))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("USER_SRP_AUTH flow not enabled for this client: this pool keeps no SRP verifiers"
                                    + " (USERPOOL_SRP=off); sign in with USER_PASSWORD_AUTH."));

            assertThat(cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId(EmbeddedSettings.DEFAULT_CLIENT_ID)
                    .authParameters(Map.of("USERNAME", "off@example.com", "PASSWORD", ApiClient.PASSWORD)))
                    .authenticationResult().idToken()).isNotBlank();
        }
    }
}
