package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.port.out.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenVerifier} does with the tokens of its issuer: accepts them with the right
 * facts, and refuses anything altered, forged or signed out, without echoing the token. Expiry,
 * issuer and audience need control of the issuer's clock or settings; adapters test those apart.
 */
public abstract class TokenVerifierContract {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    protected abstract TokenVerifier tokenVerifier();

    /** Tokens of a new confirmed account with a verified {@code email}, from this verifier's issuer. */
    protected abstract Tokens signIn(EmailAddress email);

    /** Global sign-out with {@code accessToken}. */
    protected abstract void signOutEverywhere(String accessToken);

    protected EmailAddress newAddress() {
        return new EmailAddress("tok-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    @Test
    void anIdTokenNamesTheUserAndTheAddress() {
        EmailAddress email = newAddress();
        VerifiedToken id = tokenVerifier().verify(signIn(email).idToken());

        assertThat(id.use()).isEqualTo(VerifiedToken.TokenUse.ID);
        assertThat(id.email()).contains(email);
        assertThat(id.userId().value()).isNotBlank();
        assertThat(id.expiresAt()).isAfter(id.issuedAt());
    }

    @Test
    void anAccessTokenNamesTheUserButNoAddress() {
        Tokens tokens = signIn(newAddress());
        VerifiedToken access = tokenVerifier().verify(tokens.accessToken());

        assertThat(access.use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
        assertThat(access.email()).isEmpty();
        assertThat(access.userId()).isEqualTo(tokenVerifier().verify(tokens.idToken()).userId());
    }

    @Test
    void surroundingWhitespaceDoesNotMatter() {
        Tokens tokens = signIn(newAddress());

        assertThat(tokenVerifier().verify(" " + tokens.idToken() + "\n").use()).isEqualTo(VerifiedToken.TokenUse.ID);
    }

    @Test
    void somethingThatIsNoTokenIsNotAuthorized() {
        for (String garbage : new String[] {"", "   ", "not a token", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30."}) {
            assertRefused(() -> tokenVerifier().verify(garbage), ErrorCode.NOT_AUTHORIZED);
        }
    }

    @Test
    void anAlteredPayloadIsNotAuthorized() {
        String token = signIn(newAddress()).accessToken();
        String[] parts = token.split("\\.");
        String payload = new String(B64URL_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
        String altered = payload.replaceFirst("\"sub\"\\s*:\\s*\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        String forged = parts[0] + "." + B64URL.encodeToString(altered.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        var e = assertRefused(() -> tokenVerifier().verify(forged), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(forged).doesNotContain(parts[2]);
    }

    @Test
    void anAlteredSignatureIsNotAuthorized() {
        String token = signIn(newAddress()).idToken();
        String[] parts = token.split("\\.");
        byte[] signature = B64URL_DECODER.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String forged = parts[0] + "." + parts[1] + "." + B64URL.encodeToString(signature);

        var e = assertRefused(() -> tokenVerifier().verify(forged), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(forged);
    }

    @Test
    void anUnsignedTokenIsNotAuthorized() {
        String[] parts = signIn(newAddress()).idToken().split("\\.");
        String none = B64URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> tokenVerifier().verify(none + "." + parts[1] + "."), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void theSameClaimsSignedWithAnotherKeyAreNotAuthorized() throws GeneralSecurityException {
        String[] parts = signIn(newAddress()).idToken().split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stranger = generator.generateKeyPair();
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(stranger.getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + B64URL.encodeToString(rs256.sign());

        assertRefused(() -> tokenVerifier().verify(forged), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void tokensStopVerifyingAfterGlobalSignOut() {
        Tokens tokens = signIn(newAddress());

        signOutEverywhere(tokens.accessToken());

        assertRefused(() -> tokenVerifier().verify(tokens.idToken()), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> tokenVerifier().verify(tokens.accessToken()), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void signingOutOneUserLeavesOthersSignedIn() {
        Tokens mine = signIn(newAddress());
        Tokens theirs = signIn(newAddress());

        signOutEverywhere(mine.accessToken());

        assertThat(tokenVerifier().verify(theirs.accessToken()).use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
    }
}
