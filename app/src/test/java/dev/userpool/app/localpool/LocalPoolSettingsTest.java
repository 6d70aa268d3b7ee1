package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.Environment;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.LocalPoolSettings.AdminCalls;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPoolSettingsTest {

    @Test
    void defaultsAreALocalPoolWithSrpAndAdminCallsFromThisMachine() {
        LocalPoolSettings s = LocalPoolSettings.from(new Environment(Map.of()));
        assertThat(s.userPoolId()).isEqualTo("local_Userpool1");
        assertThat(s.region()).isEqualTo("local");
        assertThat(s.clientId()).isEqualTo("userpool-local");
        assertThat(s.clientSecret()).isEmpty();
        assertThat(s.srp()).isTrue();
        assertThat(s.adminCalls()).isEqualTo(AdminCalls.LOOPBACK);
        assertThat(s.issuer(URI.create("https://auth.example.com/"))).isEqualTo(URI.create("https://auth.example.com/local_Userpool1"));
    }

    @Test
    void everySettingCanBeGiven() {
        LocalPoolSettings s = LocalPoolSettings.from(new Environment(Map.of("USERPOOL_POOL_ID", "eu-west-1_Abc123",
                "USERPOOL_CLIENT_ID", "5a6b7c", "USERPOOL_CLIENT_SECRET", "s3cr3t-value", "USERPOOL_SRP", "off",
                "USERPOOL_POOL_ADMIN", "any")));
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.clientSecret()).contains("s3cr3t-value");
        assertThat(s.srp()).isFalse();
        assertThat(s.adminCalls()).isEqualTo(AdminCalls.ANY);
        assertThat(s.toString()).doesNotContain("s3cr3t-value").contains("clientSecret=***");
    }

    @Test
    void valuesItDoesNotUnderstandStopStartUpNamingTheVariable() {
        assertThatThrownBy(() -> LocalPoolSettings.from(new Environment(Map.of("USERPOOL_POOL_ID", "Userpool1"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("USERPOOL_POOL_ID=Userpool1 is not understood");
        assertThatThrownBy(() -> LocalPoolSettings.from(new Environment(Map.of("USERPOOL_CLIENT_ID", "has space"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("USERPOOL_CLIENT_ID=has space is not understood");
        assertThatThrownBy(() -> LocalPoolSettings.from(new Environment(Map.of("USERPOOL_SRP", "maybe"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageStartingWith("USERPOOL_SRP=maybe");
        assertThatThrownBy(() -> LocalPoolSettings.from(new Environment(Map.of("USERPOOL_POOL_ADMIN", "everyone"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("loopback, any, off");
    }
}
