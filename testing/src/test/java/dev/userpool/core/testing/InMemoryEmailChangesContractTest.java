package dev.userpool.core.testing;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.verifyEmail;

import dev.userpool.core.contract.EmailChangesContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.UserDirectory;
import java.util.Set;

/** The fake runs the contract the real adapters run. */
class InMemoryEmailChangesContractTest extends EmailChangesContract {
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(directory, new FakeTokenVerifier(clock),
            u -> Set.of());
    private final InMemoryEmailChanges changes = new InMemoryEmailChanges(directory);

    @Override
    protected EmailChanges changes() {
        return changes;
    }

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected Holder signedIn(EmailAddress email, boolean emailVerified) {
        directory.signUp(email, PASSWORD, false);
        confirmByAdmin(directory, email);
        if (emailVerified) verifyEmail(directory, email);
        return new Holder(directory.find(email).orElseThrow(), authenticator.signIn(email, PASSWORD).tokens().accessToken());
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return changes.lastCodeSentTo(email).orElseThrow();
    }
}
