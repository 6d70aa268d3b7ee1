package dev.userpool.examples.downstream;

import dev.userpool.cognito.AppClient;
import dev.userpool.cognito.CognitoPool;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose tokens the API accepts, from the environment: {@code POOL_ID} and {@code CLIENT_ID}, and
 * {@code POOL_ENDPOINT} for a userpool app (its base URL). Without an endpoint the pool is Cognito's on
 * AWS, in the region its id begins with. The issuer and the JWKS follow from these, as Cognito's do:
 * {@code {endpoint}/{poolId}} or {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}, with the keys
 * at {@code {issuer}/.well-known/jwks.json}.
 */
public record PoolSettings(CognitoPool pool, AppClient client) {
    public PoolSettings {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(client, "client");
    }

    public static PoolSettings from(Map<String, String> env) {
        String poolId = required(env, "POOL_ID");
        int underscore = poolId.indexOf('_');
        if (underscore < 1) throw new IllegalArgumentException("POOL_ID=" + poolId + " is not a user pool id like eu-west-1_AbC123");
        Optional<URI> endpoint = Optional.ofNullable(env.get("POOL_ENDPOINT")).filter(s -> !s.isBlank()).map(URI::create);
        return new PoolSettings(new CognitoPool(poolId.substring(0, underscore), poolId, endpoint),
                AppClient.withoutSecret(required(env, "CLIENT_ID")));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
        return value.strip();
    }
}
