package dev.userpool.app.wiring;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AppClientDirectory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PROVISIONAL (issue 15, helper "oauth"): the pool's app clients in memory, holding the default client of
 * {@code USERPOOL_CLIENT_ID}, until the embedded adapter's stored clients (helper "clients") are merged;
 * then the wiring binds those and this file goes. Tests add the clients they need through
 * {@link AppClientDirectory#create}.
 */
final class ProvisionalAppClients implements AppClientDirectory {
    private final Map<String, AppClient> clients = new ConcurrentHashMap<>();

    /** With the default client: the code and implicit flows, every standard scope, no callback URL yet. */
    static ProvisionalAppClients seeded(String clientId, Optional<String> secret) {
        ProvisionalAppClients directory = new ProvisionalAppClients();
        directory.create(new AppClient(clientId, "default", secret, Set.of("code", "implicit"),
                Set.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"), List.of(), List.of(),
                Set.of(), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30)));
        return directory;
    }

    @Override
    public Optional<AppClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public AppClient create(AppClient client) {
        if (clients.putIfAbsent(client.clientId(), client) != null) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "An app client with this id exists.");
        }
        return client;
    }

    @Override
    public AppClient replace(AppClient client) {
        if (clients.replace(client.clientId(), client) == null) {
            throw new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "User pool client " + client.clientId() + " does not exist.");
        }
        return client;
    }

    @Override
    public void delete(String clientId) {
        if (clients.remove(clientId) == null) {
            throw new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "User pool client " + clientId + " does not exist.");
        }
    }

    @Override
    public List<AppClient> list() {
        return clients.values().stream().sorted(Comparator.comparing(AppClient::clientId)).toList();
    }
}
