package dev.userpool.core.testing;

import dev.userpool.core.contract.GroupDirectoryContract;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Clock;

/** The group-directory contract on the in-memory fake. */
class InMemoryGroupDirectoryContractTest extends GroupDirectoryContract {
    private final InMemoryUserDirectory users = new InMemoryUserDirectory(Clock.systemUTC());
    private final InMemoryGroupDirectory groups = new InMemoryGroupDirectory(users);

    @Override
    protected GroupDirectory groups() {
        return groups;
    }

    @Override
    protected UserDirectory users() {
        return users;
    }
}
