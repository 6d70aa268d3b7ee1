package dev.userpool.core.testing;

import dev.userpool.core.contract.UserDirectoryContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.UserDirectory;

/** The fake runs the directory contract the real adapters run, so the core's tests lean on real behaviour. */
class InMemoryUserDirectoryContractTest extends UserDirectoryContract {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(MutableClock.at("2025-03-01T10:00:00Z"));

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return directory.lastCodeSentTo(email).orElseThrow();
    }
}
