package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Set;

/** What a valid access token of a user grants: whose it is, the client it was issued to, and its scopes. */
public record AccessGrant(UserId user, String clientId, Set<String> scopes) {
    public AccessGrant {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(clientId, "clientId");
        scopes = dev.userpool.core.domain.OAuthScopes.ordered(scopes);
    }
}
