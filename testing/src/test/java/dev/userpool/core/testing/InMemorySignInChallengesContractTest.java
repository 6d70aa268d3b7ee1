package dev.userpool.core.testing;

import dev.userpool.core.contract.SignInChallengesContract;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.port.out.SignInChallenges;
import java.util.Map;

/**
 * The sign-in challenge contract on {@link InMemoryAuthenticator}, whose challenge is answered with the
 * password itself ({@link InMemoryAuthenticator#PASSWORD_CHALLENGE}) instead of an SRP proof.
 */
class InMemorySignInChallengesContractTest extends SignInChallengesContract {
    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);
    private final InMemoryAuthenticator authenticator = new InMemoryAuthenticator(directory, new FakeTokenVerifier(clock));

    @Override
    protected SignInChallenges challenges() {
        return authenticator;
    }

    @Override
    protected Principal confirmedAccount(String email) {
        EmailAddress address = new EmailAddress(email);
        directory.signUp(address, Password.of(PASSWORD), false);
        DirectoryTransitions.confirmByAdmin(directory, address);
        return Principal.of(directory.find(address).orElseThrow());
    }

    @Override
    protected Client client() {
        return new Client() {
            @Override
            public String srpA() {
                return "fake-srp-a";
            }

            @Override
            public ChallengeAnswer answer(PasswordVerifierChallenge challenge, String password) {
                return new ChallengeAnswer(InMemoryAuthenticator.PASSWORD_CHALLENGE, challenge.secretBlock(),
                        Map.of("USERNAME", challenge.username(), "PASSWORD", password));
            }
        };
    }
}
