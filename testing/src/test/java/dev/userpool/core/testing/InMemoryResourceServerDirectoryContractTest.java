package dev.userpool.core.testing;

import dev.userpool.core.contract.ResourceServerDirectoryContract;
import dev.userpool.core.port.out.ResourceServerDirectory;

class InMemoryResourceServerDirectoryContractTest extends ResourceServerDirectoryContract {
    private final InMemoryResourceServerDirectory servers = new InMemoryResourceServerDirectory();

    @Override
    protected ResourceServerDirectory servers() {
        return servers;
    }
}
