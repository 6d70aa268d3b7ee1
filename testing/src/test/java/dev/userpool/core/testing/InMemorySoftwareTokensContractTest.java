package dev.userpool.core.testing;

import dev.userpool.core.contract.SoftwareTokensContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.SoftwareTokens;
import java.time.Instant;
import java.util.UUID;

/** The authenticator-app contract on the in-memory fake. */
class InMemorySoftwareTokensContractTest extends SoftwareTokensContract {
    private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final InMemorySoftwareTokens tokens = new InMemorySoftwareTokens(id -> directory.findById(id).isPresent(), clock);

    @Override
    protected SoftwareTokens tokens() {
        return tokens;
    }

    @Override
    protected UserId newAccount() {
        EmailAddress email = new EmailAddress("apps-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        directory.signUp(email, Password.of("Correct-Horse-9"), false);
        return directory.find(email).orElseThrow().id();
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }
}
