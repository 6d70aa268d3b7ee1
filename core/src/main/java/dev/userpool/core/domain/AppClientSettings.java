package dev.userpool.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator sets on an app client (CreateUserPoolClient and UpdateUserPoolClient): everything
 * but its id, its secret and its dates. An update replaces all of it, as Cognito's does: what a request
 * leaves out is {@link #defaults} again. Checked by {@link AppClientRules}, not here, so that a refusal
 * can name Cognito's error.
 */
public record AppClientSettings(String name, Set<String> allowedOAuthFlows, Set<String> allowedScopes,
                                List<String> callbackUrls, List<String> logoutUrls, Set<String> explicitAuthFlows,
                                Duration idTokenValidity, Duration accessTokenValidity, Duration refreshTokenValidity,
                                Set<String> supportedIdentityProviders, boolean allowedOAuthFlowsUserPoolClient,
                                boolean preventUserExistenceErrors, boolean enableTokenRevocation,
                                Optional<String> defaultRedirectUri, Duration authSessionValidity) {

    public AppClientSettings {
        Objects.requireNonNull(name, "name");
        allowedOAuthFlows = Set.copyOf(allowedOAuthFlows);
        allowedScopes = Set.copyOf(allowedScopes);
        callbackUrls = List.copyOf(callbackUrls);
        logoutUrls = List.copyOf(logoutUrls);
        explicitAuthFlows = Set.copyOf(explicitAuthFlows);
        Objects.requireNonNull(idTokenValidity, "idTokenValidity");
        Objects.requireNonNull(accessTokenValidity, "accessTokenValidity");
        Objects.requireNonNull(refreshTokenValidity, "refreshTokenValidity");
        supportedIdentityProviders = Set.copyOf(supportedIdentityProviders);
        Objects.requireNonNull(defaultRedirectUri, "defaultRedirectUri");
        Objects.requireNonNull(authSessionValidity, "authSessionValidity");
    }

    /**
     * Cognito's defaults for a client of this name: no OAuth, {@code ALLOW_REFRESH_TOKEN_AUTH},
     * {@code ALLOW_USER_SRP_AUTH} and {@code ALLOW_CUSTOM_AUTH}, tokens of 60 minutes and a refresh
     * token of 30 days, {@code LEGACY} user-existence errors (the pool's own protection applies whatever
     * the client says), token revocation on, sessions of 3 minutes.
     */
    public static AppClientSettings defaults(String name) {
        return new AppClientSettings(name, Set.of(), Set.of(), List.of(), List.of(), AppClientRules.DEFAULT_AUTH_FLOWS,
                AppClientRules.DEFAULT_TOKEN, AppClientRules.DEFAULT_TOKEN, AppClientRules.DEFAULT_REFRESH_TOKEN, Set.of(),
                false, false, true, Optional.empty(), AppClientRules.DEFAULT_AUTH_SESSION);
    }

    /** The settings of a stored client (to change one of them and store it again). */
    public static AppClientSettings of(AppClient c) {
        return new AppClientSettings(c.name(), c.allowedOAuthFlows(), c.allowedScopes(), c.callbackUrls(), c.logoutUrls(),
                c.explicitAuthFlows(), c.idTokenValidity(), c.accessTokenValidity(), c.refreshTokenValidity(),
                c.supportedIdentityProviders(), c.allowedOAuthFlowsUserPoolClient(), c.preventUserExistenceErrors(),
                c.enableTokenRevocation(), c.defaultRedirectUri(), c.authSessionValidity());
    }

    /** The client these settings make, with its id, secret and dates. */
    public AppClient toClient(String clientId, Optional<String> secret, Instant createdAt, Instant lastModifiedAt) {
        return new AppClient(clientId, name, secret, allowedOAuthFlows, allowedScopes, callbackUrls, logoutUrls,
                explicitAuthFlows, idTokenValidity, accessTokenValidity, refreshTokenValidity, supportedIdentityProviders,
                allowedOAuthFlowsUserPoolClient, preventUserExistenceErrors, enableTokenRevocation, defaultRedirectUri,
                authSessionValidity, createdAt, lastModifiedAt);
    }

    public AppClientSettings withExplicitAuthFlows(Set<String> flows) {
        return new AppClientSettings(name, allowedOAuthFlows, allowedScopes, callbackUrls, logoutUrls, flows,
                idTokenValidity, accessTokenValidity, refreshTokenValidity, supportedIdentityProviders,
                allowedOAuthFlowsUserPoolClient, preventUserExistenceErrors, enableTokenRevocation, defaultRedirectUri,
                authSessionValidity);
    }

    public AppClientSettings withTokenValidities(Duration id, Duration access, Duration refresh) {
        return new AppClientSettings(name, allowedOAuthFlows, allowedScopes, callbackUrls, logoutUrls, explicitAuthFlows,
                id, access, refresh, supportedIdentityProviders, allowedOAuthFlowsUserPoolClient, preventUserExistenceErrors,
                enableTokenRevocation, defaultRedirectUri, authSessionValidity);
    }
}
