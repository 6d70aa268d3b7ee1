package dev.userpool.core.domain;

import java.time.Duration;
import java.util.Objects;

/** The access token of the client-credentials grant: no user, no ID token, no refresh token. Prints no token. */
public record ClientAccessToken(String accessToken, Duration expiresIn) {
    public ClientAccessToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "ClientAccessToken[accessToken=***, expiresIn=" + expiresIn + "]";
    }
}
