package dev.userpool.core.testing;

import dev.userpool.core.contract.PasskeyCredentialsContract;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PasskeyCredentials;
import java.util.UUID;

class InMemoryPasskeyCredentialsContractTest extends PasskeyCredentialsContract {
    private final InMemoryPasskeyCredentials store = new InMemoryPasskeyCredentials();

    @Override
    protected PasskeyCredentials store() {
        return store;
    }

    @Override
    protected UserId newAccount() {
        return new UserId(UUID.randomUUID().toString());
    }
}
