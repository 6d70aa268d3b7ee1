package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.out.TokenVerifier;
import dev.userpool.core.contract.TokenVerifierContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The token-verifier contract on {@link EmbeddedTokenVerifier}, with tokens from {@link SqliteAuthenticator}. */
class EmbeddedTokenVerifierContractTest extends TokenVerifierContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected Tokens signIn(EmailAddress email) {
        return bed.signedIn(email);
    }

    @Override
    protected void signOutEverywhere(String accessToken) {
        bed.authenticator.globalSignOut(accessToken);
    }
}
