package dev.userpool.core.port.out;

import dev.userpool.core.domain.AppClient;
import java.util.List;
import java.util.Optional;

/**
 * Where the pool's app clients live (Cognito's CreateUserPoolClient and kin). Failures are
 * {@link dev.userpool.core.domain.UserPoolException}s: an unknown client is {@code ResourceNotFound} on
 * {@link #replace} and {@link #delete}.
 */
public interface AppClientDirectory {

    Optional<AppClient> find(String clientId);

    /** Stores a new client; its id is fresh (the caller made it). Answers the client as stored. */
    AppClient create(AppClient client);

    /** Stores {@code client} over the one of its id; {@code ResourceNotFound} when there is none. */
    AppClient replace(AppClient client);

    void delete(String clientId);

    /** Every client, by id. */
    List<AppClient> list();
}
