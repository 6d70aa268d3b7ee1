package dev.userpool.core.domain;

import java.util.List;
import java.util.Optional;

/**
 * The account's second factors, as Cognito reports them (GetUser's {@code UserMFASettingList} and
 * {@code PreferredMfaSetting}): an authenticator app set up ({@code softwareTokenVerified}, a code proved
 * it), turned on for sign-in ({@code softwareTokenEnabled}) and preferred. Only a verified app can be on,
 * and only an enabled one preferred.
 */
public record MfaSettings(boolean softwareTokenVerified, boolean softwareTokenEnabled, boolean softwareTokenPreferred) {
    public static final String SOFTWARE_TOKEN_MFA = "SOFTWARE_TOKEN_MFA";
    public static final MfaSettings NONE = new MfaSettings(false, false, false);
    /** Cognito's refusal to turn on an app nobody verified (SetUserMFAPreference). */
    public static final String NOT_VERIFIED = "User has not set up software token mfa";
    /**
     * The refusal to turn a verified app off in a pool that requires MFA: Cognito's documentation says a
     * factor cannot be turned off for any user when MFA is required, only the preference set (an operator
     * still removes the app, and the next sign-in sets one up again).
     */
    public static final String REQUIRED_BY_POOL = "MFA is required in this user pool: the authenticator app cannot be turned off";

    public MfaSettings {
        if (softwareTokenEnabled && !softwareTokenVerified) throw new IllegalArgumentException("only a verified app can be on");
        if (softwareTokenPreferred && !softwareTokenEnabled) throw new IllegalArgumentException("only an enabled app can be preferred");
    }

    /** The factors turned on for sign-in, by Cognito's names. */
    public List<String> enabledFactors() {
        return softwareTokenEnabled ? List.of(SOFTWARE_TOKEN_MFA) : List.of();
    }

    public Optional<String> preferred() {
        return softwareTokenPreferred ? Optional.of(SOFTWARE_TOKEN_MFA) : Optional.empty();
    }

    /**
     * The settings after the holder's (or an operator's) choice: turning the app on needs it verified
     * ({@code InvalidParameter}, Cognito's message); turning it off also drops the preference; preferring
     * turns it on.
     */
    public MfaSettings with(SoftwareTokenPreference choice) {
        boolean enabled = choice.enabled() || choice.preferred();
        if (enabled && !softwareTokenVerified) throw new UserPoolException(ErrorCode.INVALID_PARAMETER, NOT_VERIFIED);
        return new MfaSettings(softwareTokenVerified, enabled, enabled && choice.preferred());
    }

    /**
     * The settings after the choice, in a pool with {@code mode}: as {@link #with(SoftwareTokenPreference)},
     * and where the pool requires MFA ({@code ON}), turning a verified app off is {@code InvalidParameter}
     * ({@link #REQUIRED_BY_POOL}) and nothing changes.
     */
    public MfaSettings with(SoftwareTokenPreference choice, MfaMode mode) {
        boolean off = !choice.enabled() && !choice.preferred();
        if (mode == MfaMode.ON && off && softwareTokenVerified) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, REQUIRED_BY_POOL);
        }
        return with(choice);
    }

    /** After a code proved a newly associated app: verified; whether it is on stays as chosen. */
    public MfaSettings verified() {
        return new MfaSettings(true, softwareTokenEnabled, softwareTokenPreferred);
    }

    /** Whether a sign-in of this account must answer a code, in a pool with {@code mode}. */
    public boolean asksCodeAtSignIn(MfaMode mode) {
        return mode != MfaMode.OFF && (softwareTokenEnabled || (mode == MfaMode.ON && softwareTokenVerified));
    }

    /** Whether a sign-in must first set an app up: the pool requires MFA and the account has none. */
    public boolean needsSetup(MfaMode mode) {
        return mode == MfaMode.ON && !softwareTokenVerified;
    }

    /** Cognito's {@code SoftwareTokenMfaSettings}: {@code Enabled} and {@code PreferredMfa}. */
    public record SoftwareTokenPreference(boolean enabled, boolean preferred) {}
}
