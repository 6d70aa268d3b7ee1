package dev.userpool.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** USERPOOL_ADMIN_GROUP: {@code admins} unless set, and a name Cognito would take, else start-up stops. */
class AdminGroupSettingTest {
    @Test
    void defaultsToAdminsAndTakesAnyValidGroupName() {
        assertThat(AdminGroupSetting.from(new Environment(Map.of())).value()).isEqualTo("admins");
        assertThat(AdminGroupSetting.from(new Environment(Map.of("USERPOOL_ADMIN_GROUP", "Operators")))
                .value()).isEqualTo("Operators");
    }

    @Test
    void aNameCognitoWouldRefuseStopsStartUp() {
        assertThatThrownBy(() -> AdminGroupSetting.from(new Environment(Map.of("USERPOOL_ADMIN_GROUP", "pool operators"))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("USERPOOL_ADMIN_GROUP='pool operators'");
    }
}
