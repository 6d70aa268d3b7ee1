package dev.userpool.core.testing;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.domain.ResourceServerRules;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.ResourceServerDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ResourceServerDirectory} in a map, for tests of the core. */
public final class InMemoryResourceServerDirectory implements ResourceServerDirectory {
    private final Map<String, ResourceServer> servers = new ConcurrentSkipListMap<>();

    @Override
    public Optional<ResourceServer> find(String identifier) {
        return Optional.ofNullable(servers.get(identifier));
    }

    @Override
    public ResourceServer create(ResourceServer server) {
        if (servers.putIfAbsent(server.identifier(), server) != null) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "Resource server " + server.identifier() + " already exists.");
        }
        return server;
    }

    @Override
    public ResourceServer replace(ResourceServer server) {
        if (servers.replace(server.identifier(), server) == null) throw ResourceServerRules.notFound(server.identifier());
        return server;
    }

    @Override
    public void delete(String identifier) {
        if (servers.remove(identifier) == null) throw ResourceServerRules.notFound(identifier);
    }

    @Override
    public List<ResourceServer> list() {
        return List.copyOf(servers.values());
    }
}
