package dev.userpool.cognito;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which user pool: its region and id, and the endpoint to reach it when it is not AWS's own (an
 * emulator). The pool's token issuer and its JWKS follow from these.
 */
public record CognitoPool(String region, String userPoolId, Optional<URI> endpoint) {
    // Cognito's own pattern for a pool id: the region, '_', the pool's name.
    private static final Pattern USER_POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

    public CognitoPool {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(endpoint, "endpoint");
        if (region.isBlank()) throw new IllegalArgumentException("region is required");
        if (!USER_POOL_ID.matcher(userPoolId).matches()) {
            throw new IllegalArgumentException("not a user pool id (like eu-west-1_AbCdEf123): " + userPoolId);
        }
        endpoint = endpoint.map(CognitoPool::withoutTrailingSlash);
    }

    /** A pool on AWS itself. */
    public static CognitoPool onAws(String region, String userPoolId) {
        return new CognitoPool(region, userPoolId, Optional.empty());
    }

    /**
     * The {@code iss} of the pool's tokens: {@code https://cognito-idp.{region}.amazonaws.com/{poolId}} on
     * AWS, {@code {endpoint}/{poolId}} behind an endpoint override (as emulators issue them).
     */
    public String issuer() {
        return endpoint.map(URI::toString).orElse("https://cognito-idp." + region + ".amazonaws.com") + "/" + userPoolId;
    }

    /** Where the pool publishes its signing keys: {@code {issuer}/.well-known/jwks.json}. */
    public URI jwksUri() {
        return URI.create(issuer() + "/.well-known/jwks.json");
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
