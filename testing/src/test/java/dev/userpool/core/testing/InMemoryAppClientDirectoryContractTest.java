package dev.userpool.core.testing;

import dev.userpool.core.contract.AppClientDirectoryContract;
import dev.userpool.core.port.out.AppClientDirectory;

class InMemoryAppClientDirectoryContractTest extends AppClientDirectoryContract {
    private final InMemoryAppClientDirectory clients = new InMemoryAppClientDirectory();

    @Override
    protected AppClientDirectory clients() {
        return clients;
    }
}
