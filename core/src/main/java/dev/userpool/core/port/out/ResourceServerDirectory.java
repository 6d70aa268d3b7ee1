package dev.userpool.core.port.out;

import dev.userpool.core.domain.ResourceServer;
import java.util.List;
import java.util.Optional;

/**
 * Where the pool's resource servers live (Cognito's CreateResourceServer and kin). An identifier in use is
 * {@code InvalidParameter} on {@link #create}; an unknown one {@code ResourceNotFound} on {@link #replace}
 * and {@link #delete}.
 */
public interface ResourceServerDirectory {

    Optional<ResourceServer> find(String identifier);

    ResourceServer create(ResourceServer server);

    ResourceServer replace(ResourceServer server);

    void delete(String identifier);

    /** Every resource server, by identifier. */
    List<ResourceServer> list();
}
