package dev.userpool.core.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One of the pool's app clients, as Cognito keeps them: what an application signing users in is
 * allowed to do. {@code allowedOAuthFlows} holds Cognito's names ({@code code}, {@code implicit},
 * {@code client_credentials}); {@code allowedScopes} the OAuth scopes ({@code openid}, {@code email},
 * {@code phone}, {@code profile}, {@code aws.cognito.signin.user.admin}, custom
 * {@code resource-server/scope}); {@code explicitAuthFlows} Cognito's {@code ALLOW_…} names for the
 * JSON API. The secret never prints.
 */
public record AppClient(String clientId, String name, Optional<String> secret, Set<String> allowedOAuthFlows,
                        Set<String> allowedScopes, List<String> callbackUrls, List<String> logoutUrls,
                        Set<String> explicitAuthFlows, Duration idTokenValidity, Duration accessTokenValidity,
                        Duration refreshTokenValidity) {

    public AppClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        allowedOAuthFlows = Set.copyOf(allowedOAuthFlows);
        allowedScopes = Set.copyOf(allowedScopes);
        callbackUrls = List.copyOf(callbackUrls);
        logoutUrls = List.copyOf(logoutUrls);
        explicitAuthFlows = Set.copyOf(explicitAuthFlows);
        Objects.requireNonNull(idTokenValidity, "idTokenValidity");
        Objects.requireNonNull(accessTokenValidity, "accessTokenValidity");
        Objects.requireNonNull(refreshTokenValidity, "refreshTokenValidity");
    }

    /** A client with a secret must authenticate at the token endpoint (a confidential client). */
    public boolean confidential() {
        return secret.isPresent();
    }

    @Override
    public String toString() {
        return "AppClient[clientId=" + clientId + ", name=" + name + ", secret=" + (secret.isPresent() ? "***" : "none")
                + ", allowedOAuthFlows=" + allowedOAuthFlows + ", allowedScopes=" + allowedScopes
                + ", callbackUrls=" + callbackUrls + ", logoutUrls=" + logoutUrls + ", explicitAuthFlows="
                + explicitAuthFlows + ", idTokenValidity=" + idTokenValidity + ", accessTokenValidity="
                + accessTokenValidity + ", refreshTokenValidity=" + refreshTokenValidity + "]";
    }
}
