package dev.userpool.app.localpool;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;

import dev.userpool.core.contract.TokenVerifierContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.out.TokenVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token-verifier contract on {@link dev.userpool.cognito.CognitoTokenVerifier}: the embedded app's
 * tokens, signed in through the adapter's SRP client, verified against the keys it derives from the
 * endpoint and pool id ({endpoint}/{poolId}/.well-known/jwks.json, issuer {endpoint}/{poolId}).
 */
class CognitoAdapterTokenVerifierOnLocalPoolIT extends TokenVerifierContract {
    @RegisterExtension
    static final ContractExceptions AWS = new ContractExceptions().skip("tokensStopVerifyingAfterGlobalSignOut", "AWS: tokens are verified offline against the pool's JWKS, and \"revoked tokens will still be valid if they are verified using any JWT library that verifies the signature and expiration of the token\" (Revoking refresh tokens, Amazon Cognito Developer Guide); refresh tokens stop at once");

    static LocalPoolForCognitoAdapter bed;

    @BeforeAll
    static void start() {
        bed = LocalPoolForCognitoAdapter.start();
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected Tokens signIn(EmailAddress email) {
        bed.directory.signUp(email, dev.userpool.core.domain.Password.of("Correct-Horse-9"), true);
        confirmByCode(bed.directory, email, dev.userpool.core.domain.ConfirmationCode.parse(bed.lastCodeSentTo(email)));
        return bed.authenticator.signIn(email, dev.userpool.core.domain.Password.of("Correct-Horse-9")).tokens();
    }

    @Override
    protected void signOutEverywhere(String accessToken) {
        bed.authenticator.globalSignOut(accessToken);
    }
}
