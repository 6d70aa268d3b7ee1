package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.TokenVerifierContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.out.TokenVerifier;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token-verifier contract on {@link CognitoTokenVerifier}, with tokens the pool issued and keys
 * fetched from the pool's own {@code .well-known/jwks.json}: on cognito-local, or a real pool with
 * {@code -Plive-aws}.
 */
class CognitoTokenVerifierIT extends TokenVerifierContract {
    private static final Password PASSWORD = Password.of("Correct-Horse-9");

    @RegisterExtension
    static final KnownDifferences DIFFERENCES = new KnownDifferences()
            .aws("tokensStopVerifyingAfterGlobalSignOut", "tokens are verified offline against the pool's JWKS, and AWS says "
                    + "'revoked tokens will still be valid if they are verified using any JWT library that verifies the "
                    + "signature and expiration of the token' (Revoking refresh tokens, Amazon Cognito Developer Guide)")
            .emulator("signingOutOneUserLeavesOthersSignedIn", "does not implement GlobalSignOut")
            .emulatorOnly("tokensOfAnotherAppClientAreNotAuthorized", "makes a second app client");

    @TempDir
    static Path dataDir;
    static CognitoTestbed bed;

    @BeforeAll
    static void open() {
        bed = CognitoTestbed.open(dataDir);
    }

    @AfterAll
    static void close() {
        if (bed != null) bed.close();
    }

    @Override
    protected TokenVerifier tokenVerifier() {
        return bed.verifier;
    }

    @Override
    protected Tokens signIn(EmailAddress email) {
        return bed.signedIn(email, PASSWORD);
    }

    @Override
    protected void signOutEverywhere(String accessToken) {
        bed.authenticator.globalSignOut(accessToken);
    }

    @Override
    protected EmailAddress newAddress() {
        return bed.newAddress("tok-");
    }

    @Test
    void tokensOfAnotherAppClientAreNotAuthorized() {
        CognitoLocal.Pool other = bed.emulator().orElseThrow().createClient(bed.pool.userPoolId(), false);
        CognitoAuthenticator otherApp = new CognitoAuthenticator(bed.client, bed.pool, AppClient.withoutSecret(other.clientId()),
                SignInFlow.USER_PASSWORD_AUTH, Clock.systemUTC());
        EmailAddress email = bed.confirmedWithoutCode(newAddress(), PASSWORD);

        Tokens theirs = otherApp.signIn(email, PASSWORD).tokens();

        var id = assertRefused(() -> tokenVerifier().verify(theirs.idToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(id.getMessage()).isEqualTo("Token audience is not accepted.");
        var access = assertRefused(() -> tokenVerifier().verify(theirs.accessToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(access.getMessage()).isEqualTo("Token client is not accepted.");
        assertThat(new CognitoTokenVerifier(bed.pool, AppClient.withoutSecret(other.clientId()), Clock.systemUTC())
                .verify(theirs.idToken()).use()).as("their own verifier accepts them").isEqualTo(VerifiedToken.TokenUse.ID);
    }
}
