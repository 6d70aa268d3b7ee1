package dev.userpool.core.domain;

import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>The rest is Cognito's UserPoolClientType too: {@code supportedIdentityProviders} ({@code COGNITO}),
 * {@code allowedOAuthFlowsUserPoolClient} (the OAuth flows are usable only when it is true),
 * {@code preventUserExistenceErrors} ({@code ENABLED} rather than {@code LEGACY}),
 * {@code enableTokenRevocation}, {@code defaultRedirectUri}, {@code authSessionValidity} (how long a
 * sign-in's challenge session lasts), and when the client was created and last changed. What may be
 * stored is {@link AppClientRules}' to say.
 */
public record AppClient(String clientId, String name, Optional<String> secret, Set<String> allowedOAuthFlows,
                        Set<String> allowedScopes, List<String> callbackUrls, List<String> logoutUrls,
                        Set<String> explicitAuthFlows, Duration idTokenValidity, Duration accessTokenValidity,
                        Duration refreshTokenValidity, Set<String> supportedIdentityProviders,
                        boolean allowedOAuthFlowsUserPoolClient, boolean preventUserExistenceErrors,
                        boolean enableTokenRevocation, Optional<String> defaultRedirectUri, Duration authSessionValidity,
                        Instant createdAt, Instant lastModifiedAt) {

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
        supportedIdentityProviders = Set.copyOf(supportedIdentityProviders);
        Objects.requireNonNull(defaultRedirectUri, "defaultRedirectUri");
        Objects.requireNonNull(authSessionValidity, "authSessionValidity");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastModifiedAt, "lastModifiedAt");
    }

    /**
     * The first shape of a client (issue 15's common ground): OAuth usable when it names OAuth flows,
     * {@code COGNITO} as its identity provider, Cognito's defaults for the rest.
     */
    public AppClient(String clientId, String name, Optional<String> secret, Set<String> allowedOAuthFlows,
                     Set<String> allowedScopes, List<String> callbackUrls, List<String> logoutUrls,
                     Set<String> explicitAuthFlows, Duration idTokenValidity, Duration accessTokenValidity,
                     Duration refreshTokenValidity) {
        this(clientId, name, secret, allowedOAuthFlows, allowedScopes, callbackUrls, logoutUrls, explicitAuthFlows,
                idTokenValidity, accessTokenValidity, refreshTokenValidity, Set.of(AppClientRules.COGNITO),
                !allowedOAuthFlows.isEmpty(), true, true, Optional.empty(), AppClientRules.DEFAULT_AUTH_SESSION,
                Instant.EPOCH, Instant.EPOCH);
    }

    /** A client with a secret must authenticate at the token endpoint (a confidential client). */
    public boolean confidential() {
        return secret.isPresent();
    }

    /** Whether the client may use Cognito's {@code ALLOW_…} flow (e.g. {@code ALLOW_USER_PASSWORD_AUTH}). */
    public boolean allows(String explicitAuthFlow) {
        return explicitAuthFlows.contains(explicitAuthFlow);
    }

    /** The same client with another secret (the pool file pins one; the default client's comes from the settings). */
    public AppClient withSecret(Optional<String> newSecret) {
        return new AppClient(clientId, name, newSecret, allowedOAuthFlows, allowedScopes, callbackUrls, logoutUrls,
                explicitAuthFlows, idTokenValidity, accessTokenValidity, refreshTokenValidity, supportedIdentityProviders,
                allowedOAuthFlowsUserPoolClient, preventUserExistenceErrors, enableTokenRevocation, defaultRedirectUri,
                authSessionValidity, createdAt, lastModifiedAt);
    }

    @Override
    public String toString() {
        return "AppClient[clientId=" + clientId + ", name=" + name + ", secret=" + (secret.isPresent() ? "***" : "none")
                + ", allowedOAuthFlows=" + allowedOAuthFlows + ", allowedScopes=" + allowedScopes
                + ", callbackUrls=" + callbackUrls + ", logoutUrls=" + logoutUrls + ", explicitAuthFlows="
                + explicitAuthFlows + ", idTokenValidity=" + idTokenValidity + ", accessTokenValidity="
                + accessTokenValidity + ", refreshTokenValidity=" + refreshTokenValidity
                + ", supportedIdentityProviders=" + supportedIdentityProviders + ", allowedOAuthFlowsUserPoolClient="
                + allowedOAuthFlowsUserPoolClient + ", preventUserExistenceErrors=" + preventUserExistenceErrors
                + ", enableTokenRevocation=" + enableTokenRevocation + ", defaultRedirectUri=" + defaultRedirectUri
                + ", authSessionValidity=" + authSessionValidity + "]";
    }
}
