package dev.userpool.core.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The WebAuthn relying party a pool's passkeys belong to: its id (the host of the public base URL), the one
 * origin whose pages may use them (the base URL's scheme, host and port), and the name shown by authenticators.
 */
public record RelyingParty(String id, String origin, String name) {
    public RelyingParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The relying party of a pool served at {@code baseUrl}, when browsers allow passkeys there: WebAuthn
     * needs a secure context, which is {@code https} or a page of {@code localhost} (browsers treat
     * {@code http://localhost} as secure; {@code http://127.0.0.1} has no host name to be an id). Empty otherwise.
     */
    public static Optional<RelyingParty> servedAt(URI baseUrl, String name) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) return Optional.empty();
        boolean localhost = host.equals("localhost") || host.endsWith(".localhost");
        if (!scheme.equals("https") && !(scheme.equals("http") && localhost)) return Optional.empty();
        String origin = scheme + "://" + host + (baseUrl.getPort() == -1 ? "" : ":" + baseUrl.getPort());
        return Optional.of(new RelyingParty(host, origin, name));
    }
}
