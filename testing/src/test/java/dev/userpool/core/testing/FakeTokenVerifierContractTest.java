package dev.userpool.core.testing;

import dev.userpool.core.contract.TokenVerifierContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.out.TokenVerifier;

/** The token-verifier contract on {@link FakeTokenVerifier}, with tokens from {@link InMemoryAuthenticator}. */
class FakeTokenVerifierContractTest extends TokenVerifierContract {
    private static final Password PASSWORD = Password.of("Correct-Horse-9");
    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final FakeTokenVerifier verifier = new FakeTokenVerifier(clock);
    private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(directory, verifier);

    @Override
    protected TokenVerifier tokenVerifier() {
        return verifier;
    }

    @Override
    protected Tokens signIn(EmailAddress email) {
        directory.signUp(email, PASSWORD, false);
        DirectoryTransitions.confirmByAdmin(directory, email);
        DirectoryTransitions.verifyEmail(directory, email);
        return authenticator.signIn(email, PASSWORD).tokens();
    }

    @Override
    protected void signOutEverywhere(String accessToken) {
        authenticator.globalSignOut(accessToken);
    }
}
