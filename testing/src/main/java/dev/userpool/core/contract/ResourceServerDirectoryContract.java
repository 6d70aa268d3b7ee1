package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.port.out.ResourceServerDirectory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ResourceServerDirectory} does: keeps a server and its scopes in order, by identifier. */
public abstract class ResourceServerDirectoryContract {

    protected abstract ResourceServerDirectory servers();

    private static ResourceServer newServer() {
        return new ResourceServer("https://api-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com", "Orders API",
                List.of(new ResourceServer.Scope("orders.read", "Read orders"), new ResourceServer.Scope("orders.write", "Write orders")));
    }

    @Test
    void aServerIsFoundAsCreated() {
        ResourceServer server = newServer();
        servers().create(server);
        assertThat(servers().find(server.identifier())).contains(server);
        assertThat(servers().list()).contains(server);
    }

    @Test
    void anIdentifierInUseIsRefused() {
        ResourceServer server = newServer();
        servers().create(server);
        assertRefused(() -> servers().create(new ResourceServer(server.identifier(), "other", List.of())), ErrorCode.INVALID_PARAMETER);
        assertThat(servers().find(server.identifier())).contains(server);
    }

    @Test
    void replacingAndDeleting() {
        ResourceServer server = newServer();
        servers().create(server);
        ResourceServer changed = new ResourceServer(server.identifier(), "Renamed", List.of(new ResourceServer.Scope("x", "y")));
        servers().replace(changed);
        assertThat(servers().find(server.identifier())).contains(changed);
        servers().delete(server.identifier());
        assertThat(servers().find(server.identifier())).isEmpty();
        assertRefused(() -> servers().delete(server.identifier()), ErrorCode.RESOURCE_NOT_FOUND);
        assertRefused(() -> servers().replace(changed), ErrorCode.RESOURCE_NOT_FOUND);
    }
}
