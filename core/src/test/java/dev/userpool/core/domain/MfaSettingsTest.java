package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import org.junit.jupiter.api.Test;

/** Issue 14: the holder's choices about an authenticator app, by the pool's MFA setting. */
class MfaSettingsTest {
    private static final MfaSettings PREFERRED = new MfaSettings(true, true, true);
    private static final SoftwareTokenPreference OFF = new SoftwareTokenPreference(false, false);

    @Test
    void whereMfaIsRequiredAVerifiedAppCannotBeTurnedOffButItsPreferenceCanChange() {
        assertThatThrownBy(() -> PREFERRED.with(OFF, MfaMode.ON)).isInstanceOfSatisfying(UserPoolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.getMessage()).isEqualTo(MfaSettings.REQUIRED_BY_POOL);
        });
        assertThat(PREFERRED.with(new SoftwareTokenPreference(true, false), MfaMode.ON)).isEqualTo(new MfaSettings(true, true, false));
        // an account without an app has nothing to turn off; the pool asks it to set one up at sign-in
        assertThat(MfaSettings.NONE.with(OFF, MfaMode.ON)).isEqualTo(MfaSettings.NONE);
    }

    @Test
    void whereMfaIsOptionalTheHolderTurnsTheAppOff() {
        assertThat(PREFERRED.with(OFF, MfaMode.OPTIONAL)).isEqualTo(new MfaSettings(true, false, false));
    }
}
