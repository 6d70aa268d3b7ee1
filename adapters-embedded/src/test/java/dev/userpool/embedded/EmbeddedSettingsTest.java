package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.AdminPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedSettingsTest {

    @Test
    void defaultsAreCognitos() {
        EmbeddedSettings s = EmbeddedSettings.defaults(URI.create("http://localhost:8080"));

        assertThat(s.clientId()).isEqualTo("userpool-local");
        assertThat(s.idTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.accessTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(s.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(s.adminPolicy()).isEqualTo(AdminPolicy.none());
        assertThat(s.logCodes()).isFalse();
    }

    @Test
    void theIssuerClaimHasNoTrailingSlash() {
        assertThat(EmbeddedSettings.defaults(URI.create("https://pool.example.com/")).issuerClaim())
                .isEqualTo("https://pool.example.com");
        assertThat(EmbeddedSettings.defaults(URI.create("https://example.com/pool//")).issuerClaim())
                .isEqualTo("https://example.com/pool");
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        URI issuer = URI.create("http://localhost:8080");
        Duration hour = Duration.ofHours(1);
        assertThatThrownBy(() -> EmbeddedSettings.defaults(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddedSettings(issuer, " ", hour, hour, hour, AdminPolicy.none(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddedSettings(issuer, "c", Duration.ZERO, hour, hour, AdminPolicy.none(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
