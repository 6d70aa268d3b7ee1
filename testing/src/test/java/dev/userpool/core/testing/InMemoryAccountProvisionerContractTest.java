package dev.userpool.core.testing;

import dev.userpool.core.contract.AccountProvisionerContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Duration;
import java.time.Instant;

class InMemoryAccountProvisionerContractTest extends AccountProvisionerContract {
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final FakeTokenVerifier tokens = new FakeTokenVerifier(clock);
    private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(directory, tokens);
    private final InMemoryAccountProvisioner provisioner = new InMemoryAccountProvisioner(directory, authenticator);

    @Override
    protected AccountProvisioner provisioner() {
        return provisioner;
    }

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected Authenticator authenticator() {
        return authenticator;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return tokens;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return authenticator.lastResetCodeSentTo(email).or(() -> directory.lastCodeSentTo(email)).orElseThrow();
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }

    @Override
    protected void advanceClock(Duration by) {
        clock.advance(by);
    }
}
