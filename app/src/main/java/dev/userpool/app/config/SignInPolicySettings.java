package dev.userpool.app.config;

import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.UserPoolException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The first factors choice-based sign-in ({@code USER_AUTH}) offers until an operator sets the pool's
 * policy with UpdateUserPool: {@code USERPOOL_FIRST_AUTH_FACTORS}, comma-separated, default all of
 * {@code PASSWORD,PASSWORD_SRP,EMAIL_OTP,WEB_AUTHN} ({@code PASSWORD_SRP} is the password factor too, as
 * in Cognito's policy). {@code PASSWORD} is always required, as Cognito requires it.
 */
public final class SignInPolicySettings {
    static final String VARIABLE = "USERPOOL_FIRST_AUTH_FACTORS";

    private SignInPolicySettings() {}

    public static SignInPolicy from(Environment env) {
        String value = env.get(VARIABLE).filter(v -> !v.isBlank()).orElse("PASSWORD,PASSWORD_SRP,EMAIL_OTP,WEB_AUTHN");
        try {
            Set<AuthFactor> factors = EnumSet.noneOf(AuthFactor.class);
            Arrays.stream(value.split(",")).map(String::strip).filter(n -> !n.isEmpty()).map(AuthFactor::parse).forEach(factors::add);
            return new SignInPolicy(factors);
        } catch (UserPoolException e) {
            throw new InvalidSettingsException(VARIABLE + "=" + value + " is not understood: " + e.getMessage()
                    + " (expected a comma-separated list of PASSWORD, PASSWORD_SRP, EMAIL_OTP, WEB_AUTHN, with PASSWORD).");
        }
    }
}
