package dev.userpool.app.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.CognitoSettings;
import dev.userpool.app.config.Environment;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.wiring.CognitoModule;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** USERPOOL_DIRECTORY=cognito: what is read, what is required, and what stops start-up. */
class CognitoSettingsTest {
    private static final Map<String, String> MINIMAL = Map.of(
            "USERPOOL_COGNITO_USER_POOL_ID", "eu-west-1_AbCdEf123", "USERPOOL_COGNITO_CLIENT_ID", "1example23456789");

    private static CognitoSettings read(Map<String, String> base, String... more) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return CognitoSettings.from(new Environment(env));
    }

    @Test
    void aPoolOnAwsNeedsOnlyItsIdAndClientTheRegionComesFromThePoolId() {
        CognitoSettings s = read(MINIMAL);

        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.flow()).isEqualTo(CognitoSettings.AuthFlow.USER_SRP_AUTH);
        assertThat(s.clientSecret()).isEmpty();
        assertThat(s.endpoint()).isEmpty();
        assertThat(CognitoModule.pool(s).issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
        assertThat(CognitoModule.appClient(s).hasSecret()).isFalse();
    }

    @Test
    void everySettingIsRead() {
        CognitoSettings s = read(MINIMAL, "AWS_REGION", "eu-west-1", "USERPOOL_COGNITO_CLIENT_SECRET", "s3cr3t-value",
                "USERPOOL_COGNITO_AUTH_FLOW", "user_password_auth", "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");

        assertThat(s.flow()).isEqualTo(CognitoSettings.AuthFlow.USER_PASSWORD_AUTH);
        assertThat(s.clientSecret()).contains("s3cr3t-value");
        assertThat(CognitoModule.appClient(s).hasSecret()).isTrue();
        assertThat(s.credentialsInEnvironment()).isTrue();
        assertThat(s.toString()).doesNotContain("s3cr3t").contains("clientSecret=***");
    }

    @Test
    void anEmulatorPoolNeedsTheRegionAndTakesTheEndpointForIssuerAndKeys() {
        CognitoSettings s = read(Map.of("USERPOOL_COGNITO_USER_POOL_ID", "local_5RIgYCXA", "USERPOOL_COGNITO_CLIENT_ID", "abc",
                "USERPOOL_COGNITO_ENDPOINT", "http://127.0.0.1:9229", "AWS_REGION", "us-east-1"));

        assertThat(s.endpoint()).contains(URI.create("http://127.0.0.1:9229"));
        assertThat(s.credentialsInEnvironment()).isFalse();
        assertThat(CognitoModule.pool(s).issuer()).isEqualTo("http://127.0.0.1:9229/local_5RIgYCXA");
        assertThat(CognitoModule.pool(s).jwksUri()).isEqualTo(URI.create("http://127.0.0.1:9229/local_5RIgYCXA/.well-known/jwks.json"));
    }

    @Test
    void missingSettingsAreAllNamedAtOnce() {
        assertThatThrownBy(() -> read(Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("USERPOOL_COGNITO_USER_POOL_ID, USERPOOL_COGNITO_CLIENT_ID, AWS_REGION are required "
                        + "when USERPOOL_DIRECTORY=cognito.");
        assertThatThrownBy(() -> read(Map.of("USERPOOL_COGNITO_USER_POOL_ID", "eu-west-1_AbCdEf123")))
                .hasMessage("USERPOOL_COGNITO_CLIENT_ID is required when USERPOOL_DIRECTORY=cognito.");
        assertThatThrownBy(() -> read(Map.of("USERPOOL_COGNITO_USER_POOL_ID", "local_5RIgYCXA", "USERPOOL_COGNITO_CLIENT_ID", "abc")))
                .as("a pool id that names no region").hasMessage("AWS_REGION is required when USERPOOL_DIRECTORY=cognito.");
    }

    @ParameterizedTest(name = "endpoint {0}, credentials variable {1} -> dummy credentials {2}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:9229||true",
            "http://localhost:9229/||true",
            "http://[::1]:9229||true",
            "http://[0:0:0:0:0:0:0:1]:9229||true",
            "http://127.0.0.1:9229|AWS_ACCESS_KEY_ID|false",
            "http://127.0.0.1:9229|AWS_PROFILE|false",
            "https://cognito.example.com||false",
            "http://localhost.example.com:9229||false",
            "http://10.0.0.5:9229||false"})
    void dummyCredentialsOnlyForAnEmulatorOnThisMachineAndOnlyWithoutRealOnes(String endpoint, String credentialVariable,
                                                                             boolean dummy) {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put("USERPOOL_COGNITO_ENDPOINT", endpoint);
        env.put("AWS_REGION", "eu-west-1");
        if (credentialVariable != null) env.put(credentialVariable, "set");

        assertThat(read(env).localCredentials()).isEqualTo(dummy);
    }

    @Test
    void aPoolOnAwsSignsWithTheSdksCredentialChain() {
        assertThat(read(MINIMAL).localCredentials()).isFalse();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "USERPOOL_COGNITO_USER_POOL_ID|my pool|expected a user pool id like eu-west-1_AbCdEf123",
            "USERPOOL_COGNITO_AUTH_FLOW|CUSTOM_AUTH|allowed values are user_srp_auth, user_password_auth",
            "USERPOOL_COGNITO_ENDPOINT|ftp://127.0.0.1|expected an http(s) URL",
            "AWS_REGION|us-east-1|is a pool in eu-west-1, but AWS_REGION=us-east-1"})
    void aValueItDoesNotUnderstandStopsStartUpNamingTheVariable(String name, String value, String says) {
        assertThatThrownBy(() -> read(MINIMAL, name, value))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(says);
    }

    @Test
    void aBlankSecretIsNoSecret() {
        assertThat(read(MINIMAL, "USERPOOL_COGNITO_CLIENT_SECRET", "  ").clientSecret()).isEqualTo(Optional.empty());
    }
}
