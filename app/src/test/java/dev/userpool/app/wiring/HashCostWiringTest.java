package dev.userpool.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.Argon2Settings;
import dev.userpool.embedded.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** The settings' default cost is the hasher's, so an unset USERPOOL_ARGON2_* upgrades no hash. */
class HashCostWiringTest {

    @Test
    void theDefaultSettingsAreTheHashersDefaults() {
        assertThat(EmbeddedEdgeModule.argon2Parameters(Argon2Settings.defaults())).isEqualTo(Argon2Parameters.defaults());
    }

    @Test
    void eachSettingReachesItsParameter() {
        assertThat(EmbeddedEdgeModule.argon2Parameters(new Argon2Settings(47_104, 1, 2)))
                .isEqualTo(new Argon2Parameters(47_104, 1, 2));
    }
}
