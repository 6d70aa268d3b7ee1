package dev.userpool.cognito;

import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AppClientDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The app clients as this service knows them with the users in Amazon Cognito: the one it is configured
 * with ({@code USERPOOL_COGNITO_CLIENT_ID}), with Cognito's defaults for what it does not read. The
 * pool's clients are managed on Cognito itself (console, CLI, CloudFormation): creating, replacing and
 * deleting them here is refused with a message that says so.
 */
public final class CognitoAppClientDirectory implements AppClientDirectory {
    private final dev.userpool.core.domain.AppClient client;

    public CognitoAppClientDirectory(AppClient configured) {
        Objects.requireNonNull(configured, "configured");
        this.client = AppClientSettings.defaults(configured.clientId()).toClient(configured.clientId(), configured.clientSecret(),
                Instant.EPOCH, Instant.EPOCH);
    }

    @Override
    public Optional<dev.userpool.core.domain.AppClient> find(String clientId) {
        return client.clientId().equals(clientId) ? Optional.of(client) : Optional.empty();
    }

    @Override
    public dev.userpool.core.domain.AppClient create(dev.userpool.core.domain.AppClient newClient) {
        throw managedOnCognito();
    }

    @Override
    public dev.userpool.core.domain.AppClient replace(dev.userpool.core.domain.AppClient changed) {
        throw managedOnCognito();
    }

    @Override
    public void delete(String clientId) {
        throw managedOnCognito();
    }

    @Override
    public List<dev.userpool.core.domain.AppClient> list() {
        return List.of(client);
    }

    static UserPoolException managedOnCognito() {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER, "App clients and resource servers of a pool in Amazon Cognito"
                + " are managed on Cognito (console, AWS CLI, CloudFormation), not through this service.");
    }
}
