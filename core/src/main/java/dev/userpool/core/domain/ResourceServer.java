package dev.userpool.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * A resource server of the pool (Cognito's CreateResourceServer): the API an access token is for, named
 * by its identifier (often a URL), and the custom scopes it defines. An app client names them as
 * {@code identifier/scope} ({@link #scopeNames}). What may be stored is {@link ResourceServerRules}' to say.
 */
public record ResourceServer(String identifier, String name, List<Scope> scopes) {

    /** One custom scope: its name (without the identifier) and what it allows. */
    public record Scope(String name, String description) {
        public Scope {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    public ResourceServer {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
        scopes = List.copyOf(scopes);
    }

    /** Its scopes as clients name them: {@code identifier/scope}. */
    public List<String> scopeNames() {
        return scopes.stream().map(s -> identifier + "/" + s.name()).toList();
    }
}
