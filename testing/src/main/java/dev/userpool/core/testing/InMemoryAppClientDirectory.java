package dev.userpool.core.testing;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AppClientDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link AppClientDirectory} in a map, for tests of the core and of the endpoints that use clients. */
public final class InMemoryAppClientDirectory implements AppClientDirectory {
    private final Map<String, AppClient> clients = new ConcurrentSkipListMap<>();

    @Override
    public Optional<AppClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public AppClient create(AppClient client) {
        if (clients.putIfAbsent(client.clientId(), client) != null) {
            throw UserPoolException.invalidParameter("ClientId", "client " + client.clientId() + " already exists");
        }
        return client;
    }

    @Override
    public AppClient replace(AppClient client) {
        if (clients.replace(client.clientId(), client) == null) throw notFound(client.clientId());
        return client;
    }

    @Override
    public void delete(String clientId) {
        if (clients.remove(clientId) == null) throw notFound(clientId);
    }

    @Override
    public List<AppClient> list() {
        return List.copyOf(clients.values());
    }

    private static UserPoolException notFound(String clientId) {
        return new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "User pool client " + clientId + " does not exist.");
    }
}
