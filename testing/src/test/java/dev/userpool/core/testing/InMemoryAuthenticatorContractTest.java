package dev.userpool.core.testing;

import dev.userpool.core.contract.AuthenticatorContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.Authenticator;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.port.out.UserDirectory;

/** The fake runs the authenticator contract the real adapters run, over its in-memory directory. */
class InMemoryAuthenticatorContractTest extends AuthenticatorContract {
    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final FakeTokenVerifier tokens = new FakeTokenVerifier(clock);
    private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(directory, tokens);

    @Override
    protected Authenticator authenticator() {
        return authenticator;
    }

    @Override
    protected UserDirectory directory() {
        return directory;
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return tokens;
    }

    /** A reset code once one was asked for (it comes after the confirmation code), else the confirmation code. */
    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return authenticator.lastResetCodeSentTo(email).or(() -> directory.lastCodeSentTo(email)).orElseThrow();
    }
}
