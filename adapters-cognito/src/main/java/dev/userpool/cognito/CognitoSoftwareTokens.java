package dev.userpool.cognito;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.TotpCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.SoftwareTokens;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The accounts' authenticator apps (issue 14, TOTP) kept by Amazon Cognito itself.
 *
 * <ul>
 * <li>Enrolment is the holder's: Cognito's AssociateSoftwareToken and VerifySoftwareToken take the
 *     user's access token (or an {@code MFA_SETUP} session), and have no admin variant. So this store
 *     serves {@link #associate(UserId, String)} and {@link #verify(UserId, String, TotpCode)}, which the
 *     use case calls with the access token it checked (in Cognito mode the app's callers present
 *     Cognito's access token), and refuses the by-id forms with the reason.</li>
 * <li>Settings, preference and removal by id go through the admin API (AdminGetUser,
 *     AdminSetUserMFAPreference), the account named by its {@code sub}, which is its Cognito username.</li>
 * <li>Cognito reports the factors that are on ({@code UserMFASettingList}), not an app set up but turned
 *     off: an app reads as verified while it is on. Cognito has no call that deletes a user's app, so
 *     {@link #remove} turns it off; the secret stays Cognito's.</li>
 * <li>Cognito checks the codes, their replay and its own limits.</li>
 * </ul>
 */
public final class CognitoSoftwareTokens implements SoftwareTokens {
    static final String NEEDS_THE_HOLDER = "Amazon Cognito sets an authenticator app up only for its holder:"
            + " AssociateSoftwareToken and VerifySoftwareToken need the user's access token, not an account id.";

    private final CognitoIdentityProviderClient cognito;
    private final CognitoPool pool;

    public CognitoSoftwareTokens(CognitoIdentityProviderClient cognito, CognitoPool pool) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public SoftwareTokenSecret associate(UserId user) {
        throw new UserPoolException(ErrorCode.INVALID_PARAMETER, NEEDS_THE_HOLDER);
    }

    /** AssociateSoftwareToken with the holder's access token: Cognito's new secret, pending until verified. */
    @Override
    public SoftwareTokenSecret associate(UserId user, String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        String secret = CognitoSdkFailures.call("AssociateSoftwareToken",
                () -> cognito.associateSoftwareToken(b -> b.accessToken(accessToken)), accessToken).secretCode();
        if (secret == null) throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito answered AssociateSoftwareToken without a secret.");
        return new SoftwareTokenSecret(secret);
    }

    @Override
    public MfaSettings verify(UserId user, TotpCode code) {
        throw new UserPoolException(ErrorCode.INVALID_PARAMETER, NEEDS_THE_HOLDER);
    }

    /**
     * VerifySoftwareToken with the holder's access token. A wrong code is the port's
     * {@code EnableSoftwareTokenMFA}, whether Cognito says so with that exception, with
     * {@code CodeMismatchException} (cognito-local) or with {@code Status: ERROR}.
     */
    @Override
    public MfaSettings verify(UserId user, String accessToken, TotpCode code) {
        Objects.requireNonNull(accessToken, "accessToken");
        VerifySoftwareTokenResponse answer;
        try {
            answer = CognitoSdkFailures.call("VerifySoftwareToken",
                    () -> cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(code.value())), accessToken, code.value());
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.CODE_MISMATCH) throw wrongCode();
            throw e;
        }
        if (answer.status() != VerifySoftwareTokenResponseType.SUCCESS) throw wrongCode();
        return settings(user).verified();
    }

    /** AdminGetUser's {@code UserMFASettingList} and {@code PreferredMfaSetting}. */
    @Override
    public MfaSettings settings(UserId user) {
        AdminGetUserResponse account = CognitoSdkFailures.call("AdminGetUser",
                () -> cognito.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(user.value())));
        List<String> on = account.userMFASettingList() == null ? List.of() : account.userMFASettingList();
        boolean enabled = on.contains(MfaSettings.SOFTWARE_TOKEN_MFA);
        return new MfaSettings(enabled, enabled, enabled && MfaSettings.SOFTWARE_TOKEN_MFA.equals(account.preferredMfaSetting()));
    }

    /** AdminSetUserMFAPreference; Cognito refuses to turn on an app nobody verified ({@code InvalidParameter}). */
    @Override
    public MfaSettings setPreference(UserId user, SoftwareTokenPreference choice) {
        Objects.requireNonNull(choice, "choice");
        boolean enabled = choice.enabled() || choice.preferred();
        CognitoSdkFailures.call("AdminSetUserMFAPreference", () -> cognito.adminSetUserMFAPreference(b -> b
                .userPoolId(pool.userPoolId()).username(user.value())
                .softwareTokenMfaSettings(s -> s.enabled(enabled).preferredMfa(enabled && choice.preferred()))));
        return settings(user);
    }

    /** Turns the app off (AdminSetUserMFAPreference): Cognito has no call that deletes it. True when it was on. */
    @Override
    public boolean remove(UserId user) {
        if (!settings(user).softwareTokenEnabled()) return false;
        setPreference(user, new SoftwareTokenPreference(false, false));
        return true;
    }

    private static UserPoolException wrongCode() {
        return new UserPoolException(ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA, "Code mismatch and fail enable Software Token MFA");
    }
}
