package dev.userpool.embedded;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AppClientDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pool's app clients in the embedded database. Every sign-in and every token check asks for a
 * client, so the clients are also kept in memory: read once, read again after each change made through
 * this directory (the only writer: one process serves a data directory); the first read is made when the
 * directory is, so no sign-in or token check pays for it. The default client (the
 * settings' {@code USERPOOL_CLIENT_ID}) is there even before a row holds it, so a database that has
 * never stored one signs in as it did before clients were stored.
 */
public final class SqliteAppClientDirectory implements AppClientDirectory {
    private final EmbeddedDatabase db;
    private final AppClient defaultClient;
    private volatile Map<String, AppClient> known;

    /** @param defaultClient the client of the settings, used while no row of its id exists */
    public SqliteAppClientDirectory(EmbeddedDatabase db, AppClient defaultClient) {
        this.db = Objects.requireNonNull(db, "db");
        this.defaultClient = Objects.requireNonNull(defaultClient, "defaultClient");
        // read now, not at the first sign-in or token check: those keep their round trips (TokenPathCostTest)
        reload();
    }

    /** The settings' client: their id and token lifetimes, every flow this pool serves, no secret, no OAuth. */
    static AppClient defaultClientOf(EmbeddedSettings settings) {
        return new AppClient(settings.clientId(), settings.clientId(), Optional.empty(), java.util.Set.of(), java.util.Set.of(),
                List.of(), List.of(), java.util.Set.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
                "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_AUTH"), settings.idTokenTtl(), settings.accessTokenTtl(),
                settings.refreshTokenTtl());
    }

    String defaultClientId() {
        return defaultClient.clientId();
    }

    @Override
    public Optional<AppClient> find(String clientId) {
        return Optional.ofNullable(known().get(clientId));
    }

    @Override
    public AppClient create(AppClient client) {
        db.transaction(c -> {
            if (AppClientRows.exists(c, client.clientId())) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "User pool client " + client.clientId() + " already exists.");
            }
            AppClientRows.insert(c, client);
            return null;
        });
        reload();
        return client;
    }

    @Override
    public AppClient replace(AppClient client) {
        db.transaction(c -> {
            if (AppClientRows.update(c, client)) return null;
            // the default client before its first change: the settings made it, this stores it
            if (client.clientId().equals(defaultClient.clientId())) {
                AppClientRows.insert(c, client);
                return null;
            }
            throw notFound(client.clientId());
        });
        reload();
        return client;
    }

    @Override
    public void delete(String clientId) {
        db.transaction(c -> {
            if (!AppClientRows.delete(c, clientId)) throw notFound(clientId);
            return null;
        });
        reload();
    }

    @Override
    public List<AppClient> list() {
        return List.copyOf(known().values());
    }

    /** The longest an ID or access token of any client lives: how long a session row must outlast its refresh token. */
    Duration longestTokenTtl() {
        Duration longest = Duration.ZERO;
        for (AppClient a : known().values()) {
            if (a.idTokenValidity().compareTo(longest) > 0) longest = a.idTokenValidity();
            if (a.accessTokenValidity().compareTo(longest) > 0) longest = a.accessTokenValidity();
        }
        return longest;
    }

    private Map<String, AppClient> known() {
        Map<String, AppClient> k = known;
        return k != null ? k : reload();
    }

    private Map<String, AppClient> reload() {
        Map<String, AppClient> loaded = new TreeMap<>();
        loaded.put(defaultClient.clientId(), defaultClient);
        for (AppClient a : db.read(AppClientRows::all)) loaded.put(a.clientId(), a);
        Map<String, AppClient> snapshot = java.util.Collections.unmodifiableMap(loaded);
        known = snapshot;
        return snapshot;
    }

    static UserPoolException notFound(String clientId) {
        return new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "User pool client " + clientId + " does not exist.");
    }
}
