package dev.userpool.core.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The JWTs of a session. A refresh answers without a new refresh token. {@link #toString()} hides them. */
public record Tokens(String idToken, String accessToken, Optional<String> refreshToken, Duration expiresIn) {
    public static final String TOKEN_TYPE = "Bearer";

    public Tokens {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    public String tokenType() {
        return TOKEN_TYPE;
    }

    @Override
    public String toString() {
        return "Tokens[idToken=***, accessToken=***, refreshToken=" + (refreshToken.isPresent() ? "***" : "none")
                + ", expiresIn=" + expiresIn + "]";
    }
}
