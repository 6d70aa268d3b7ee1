package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CognitoPoolTest {

    @Test
    void onAwsTheIssuerAndKeysAreCognitosRegionalOnes() {
        CognitoPool pool = CognitoPool.onAws("eu-west-1", "eu-west-1_AbCdEf123");

        assertThat(pool.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
        assertThat(pool.jwksUri()).isEqualTo(
                URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json"));
    }

    @Test
    void behindAnEndpointOverrideTheyFollowTheEndpoint() {
        CognitoPool pool = new CognitoPool("local", "local_5RIgYCXA", Optional.of(URI.create("http://127.0.0.1:9229/")));

        assertThat(pool.issuer()).isEqualTo("http://127.0.0.1:9229/local_5RIgYCXA");
        assertThat(pool.jwksUri()).isEqualTo(URI.create("http://127.0.0.1:9229/local_5RIgYCXA/.well-known/jwks.json"));
    }

    @Test
    void somethingThatIsNoPoolIdIsRefused() {
        assertThatThrownBy(() -> CognitoPool.onAws("eu-west-1", "my pool")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a user pool id");
        assertThatThrownBy(() -> CognitoPool.onAws("eu-west-1", "AbCdEf123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CognitoPool.onAws(" ", "eu-west-1_AbCdEf123")).isInstanceOf(IllegalArgumentException.class);
    }
}
