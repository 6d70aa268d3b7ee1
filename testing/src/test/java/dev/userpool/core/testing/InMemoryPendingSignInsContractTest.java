package dev.userpool.core.testing;

import dev.userpool.core.contract.PendingSignInsContract;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.PendingSignIns;
import java.util.UUID;

class InMemoryPendingSignInsContractTest extends PendingSignInsContract {
    private final InMemoryPendingSignIns pending = new InMemoryPendingSignIns();

    @Override
    protected PendingSignIns pending() {
        return pending;
    }

    @Override
    protected UserId anAccount() {
        return new UserId(UUID.randomUUID().toString());
    }
}
