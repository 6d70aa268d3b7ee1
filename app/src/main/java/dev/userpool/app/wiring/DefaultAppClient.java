package dev.userpool.app.wiring;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pool's default app client, as the settings make it: {@code USERPOOL_CLIENT_ID} with the secret of
 * {@code USERPOOL_CLIENT_SECRET}, the flows the pool served before it had several clients
 * ({@code ALLOW_USER_PASSWORD_AUTH}, {@code ALLOW_USER_SRP_AUTH}, {@code ALLOW_REFRESH_TOKEN_AUTH},
 * {@code ALLOW_USER_AUTH}, and {@code ALLOW_ADMIN_USER_PASSWORD_AUTH} unless
 * {@code USERPOOL_ADMIN_USER_PASSWORD_AUTH=off}), the token lifetimes of the embedded issuer. Its OAuth
 * settings are whatever it was given since (UpdateUserPoolClient, the pool file).
 */
final class DefaultAppClient {
    private DefaultAppClient() {}

    static AppClient of(LocalPoolSettings pool, Duration idToken, Duration accessToken, Duration refreshToken) {
        return new AppClient(pool.clientId(), pool.clientId(), pool.clientSecret(), Set.of(), Set.of(), List.of(), List.of(),
                explicitAuthFlows(pool), idToken, accessToken, refreshToken);
    }

    static Set<String> explicitAuthFlows(LocalPoolSettings pool) {
        Set<String> flows = new LinkedHashSet<>(List.of(AppClientRules.ALLOW_USER_PASSWORD_AUTH, AppClientRules.ALLOW_USER_SRP_AUTH,
                AppClientRules.ALLOW_REFRESH_TOKEN_AUTH, AppClientRules.ALLOW_USER_AUTH));
        if (pool.adminUserPasswordAuth()) flows.add(AppClientRules.ALLOW_ADMIN_USER_PASSWORD_AUTH);
        return flows;
    }
}
