package dev.userpool.core.testing;

import dev.userpool.core.contract.EmailVerifierContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.EmailVerifier;

/** The email-verifier contract on {@link FakeEmailVerifier}, whose links a test "opens" by hand. */
class FakeEmailVerifierContractTest extends EmailVerifierContract {
    private final FakeEmailVerifier verifier = new FakeEmailVerifier();

    @Override
    protected EmailVerifier emailVerifier() {
        return verifier;
    }

    @Override
    protected void openLastLinkSentTo(EmailAddress email) {
        verifier.clickLink(email);
    }
}
