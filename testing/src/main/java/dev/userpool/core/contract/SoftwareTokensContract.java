package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.SoftwareTokens;
import dev.userpool.core.testing.Oathtool;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SoftwareTokens} does (issue 14, TOTP MFA), with codes from Debian's oathtool at the
 * adapter's clock: a new secret is pending until a code proves it; a wrong code leaves it so; only a
 * verified app can be turned on; removal forgets it; unknown accounts are {@code UserNotFound}.
 */
public abstract class SoftwareTokensContract {

    protected abstract SoftwareTokens tokens();

    /** A new account's id. */
    protected abstract UserId newAccount();

    /** The time the adapter's clock says it is. */
    protected abstract Instant now();

    private String code(SoftwareTokenSecret secret) {
        return Oathtool.code(secret.base32(), now());
    }

    private String wrong(SoftwareTokenSecret secret) {
        return code(secret).equals("000000") ? "111111" : "000000";
    }

    /**
     * The holder's access token, for the forms that take it ({@link SoftwareTokens#associate(UserId, String)}):
     * a store that acts by id ignores it, so by default any string does.
     */
    protected String accessTokenOf(UserId user) {
        return "a-token-this-store-does-not-read";
    }

    /** Issue 14: the forms on the holder's access token set the app up as the forms by id do. */
    @Test
    void theHoldersAccessTokenFormsSetTheAppUpAlike() {
        UserId user = newAccount();
        String token = accessTokenOf(user);
        SoftwareTokenSecret secret = tokens().associate(user, token);
        assertThat(tokens().settings(user).softwareTokenVerified()).isFalse();
        assertRefused(() -> tokens().verify(user, token, new TotpCode(wrong(secret))), ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA);
        assertThat(tokens().verify(user, token, new TotpCode(code(secret))).softwareTokenVerified()).isTrue();
        assertThat(tokens().settings(user).softwareTokenVerified()).isTrue();
    }

    @Test
    void aNewSecretIsBase32AndPendingUntilACodeProvesIt() {
        UserId user = newAccount();
        assertThat(tokens().settings(user)).isEqualTo(MfaSettings.NONE);
        SoftwareTokenSecret secret = tokens().associate(user);
        assertThat(secret.base32()).matches("[A-Z2-7]{32}");
        assertThat(secret.toString()).doesNotContain(secret.base32());
        assertThat(tokens().settings(user).softwareTokenVerified()).isFalse();

        assertRefused(() -> tokens().verify(user, new TotpCode(wrong(secret))), ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA);
        assertThat(tokens().settings(user).softwareTokenVerified()).isFalse();
        MfaSettings verified = tokens().verify(user, new TotpCode(code(secret)));
        assertThat(verified.softwareTokenVerified()).isTrue();
        assertThat(verified.softwareTokenEnabled()).as("verifying does not turn it on").isFalse();
    }

    @Test
    void onlyAVerifiedAppCanBeTurnedOnAndPreferringTurnsItOn() {
        UserId user = newAccount();
        SoftwareTokenSecret secret = tokens().associate(user);
        assertRefused(() -> tokens().setPreference(user, new SoftwareTokenPreference(true, false)), ErrorCode.INVALID_PARAMETER);
        tokens().verify(user, new TotpCode(code(secret)));
        MfaSettings on = tokens().setPreference(user, new SoftwareTokenPreference(false, true));
        assertThat(on.enabledFactors()).containsExactly(MfaSettings.SOFTWARE_TOKEN_MFA);
        assertThat(on.preferred()).contains(MfaSettings.SOFTWARE_TOKEN_MFA);
        assertThat(tokens().setPreference(user, new SoftwareTokenPreference(false, false)).enabledFactors()).isEmpty();
    }

    @Test
    void removalForgetsTheAppAndUnknownAccountsAreNotFound() {
        UserId user = newAccount();
        SoftwareTokenSecret secret = tokens().associate(user);
        tokens().verify(user, new TotpCode(code(secret)));
        assertThat(tokens().remove(user)).isTrue();
        assertThat(tokens().settings(user)).isEqualTo(MfaSettings.NONE);
        assertThat(tokens().remove(user)).isFalse();

        UserId nobody = new UserId(UUID.randomUUID().toString());
        assertRefused(() -> tokens().associate(nobody), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> tokens().settings(nobody), ErrorCode.USER_NOT_FOUND);
    }
}
