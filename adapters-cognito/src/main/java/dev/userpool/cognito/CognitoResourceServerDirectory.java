package dev.userpool.cognito;

import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.port.out.ResourceServerDirectory;
import java.util.List;
import java.util.Optional;

/**
 * Resource servers with the users in Amazon Cognito: managed on Cognito itself, so this service knows
 * none and refuses to change them ({@link CognitoAppClientDirectory#managedOnCognito}).
 */
public final class CognitoResourceServerDirectory implements ResourceServerDirectory {

    @Override
    public Optional<ResourceServer> find(String identifier) {
        return Optional.empty();
    }

    @Override
    public ResourceServer create(ResourceServer server) {
        throw CognitoAppClientDirectory.managedOnCognito();
    }

    @Override
    public ResourceServer replace(ResourceServer server) {
        throw CognitoAppClientDirectory.managedOnCognito();
    }

    @Override
    public void delete(String identifier) {
        throw CognitoAppClientDirectory.managedOnCognito();
    }

    @Override
    public List<ResourceServer> list() {
        return List.of();
    }
}
