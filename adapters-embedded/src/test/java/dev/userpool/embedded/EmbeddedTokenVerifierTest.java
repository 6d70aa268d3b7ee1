package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.VerifiedToken;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract cannot drive: expiry by the clock, issuer and client, token use, forged headers. */
class EmbeddedTokenVerifierTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private final EmailAddress email = new EmailAddress("verify@example.com");
    private Tokens tokens;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        tokens = bed.signedIn(email);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private EmbeddedTokenVerifier verifierWith(EmbeddedSettings settings) {
        return new EmbeddedTokenVerifier(bed.db, bed.keys, settings, bed.clock);
    }

    /** The claims of a real token, changed and re-signed with our own key: only the change can make it fail. */
    private String resigned(String token, java.util.function.UnaryOperator<JWTClaimsSet.Builder> change, String kid)
            throws ParseException, JOSEException {
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(bed.keys.signer());
        return jwt.serialize();
    }

    private void refused(String token, String reason) {
        var e = assertRefused(() -> bed.verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo(reason).doesNotContain(token);
    }

    @Test
    void aValidIdTokenTellsWhoWhenAndTheAddress() {
        VerifiedToken id = bed.verifier.verify(tokens.idToken());

        assertThat(id.use()).isEqualTo(VerifiedToken.TokenUse.ID);
        assertThat(id.email()).contains(email);
        assertThat(id.userId()).isEqualTo(bed.directory.find(email).orElseThrow().id());
        assertThat(id.issuedAt()).isEqualTo(bed.clock.instant());
        assertThat(id.expiresAt()).isEqualTo(bed.clock.instant().plus(Duration.ofHours(1)));
        assertThat(id.groups()).isEmpty();
    }

    @Test
    void tokensExpireByTheInjectedClock() {
        bed.clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(bed.verifier.verify(tokens.idToken()).use()).isEqualTo(VerifiedToken.TokenUse.ID);
        assertThat(bed.verifier.verify(tokens.accessToken()).use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);

        bed.clock.advance(Duration.ofMillis(1));
        refused(tokens.idToken(), "Token has expired.");
        refused(tokens.accessToken(), "Token has expired.");
    }

    @Test
    void tokensOfAnotherIssuerAreRefused() {
        EmbeddedTokenVerifier other = verifierWith(EmbeddedSettings.defaults(URI.create("http://elsewhere.example.com")));

        var e = assertRefused(() -> other.verify(tokens.idToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Token issuer is not accepted.");
    }

    @Test
    void aTrailingSlashInTheIssuerMakesNoDifference() {
        EmbeddedTokenVerifier noSlash = verifierWith(EmbeddedSettings.defaults(URI.create("http://localhost:8080")));

        assertThat(noSlash.verify(tokens.accessToken()).use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
    }

    @Test
    void tokensForAnotherClientAreRefused() {
        EmbeddedSettings d = EmbeddedSettings.defaults(EmbeddedTestbed.ISSUER);
        EmbeddedTokenVerifier other = verifierWith(new EmbeddedSettings(d.issuer(), "another-client", d.idTokenTtl(),
                d.accessTokenTtl(), d.refreshTokenTtl(), d.adminPolicy(), false));

        var id = assertRefused(() -> other.verify(tokens.idToken()), ErrorCode.NOT_AUTHORIZED);
        var access = assertRefused(() -> other.verify(tokens.accessToken()), ErrorCode.NOT_AUTHORIZED);
        assertThat(id.getMessage()).isEqualTo("Token audience is not accepted.");
        assertThat(access.getMessage()).isEqualTo("Token client is not accepted.");
    }

    @Test
    void aTokenOfAnotherUseIsRefused() throws Exception {
        String kid = bed.keys.currentKeyId();
        refused(resigned(tokens.accessToken(), b -> b.claim("token_use", "refresh"), kid), "Token use is not accepted.");
        refused(resigned(tokens.accessToken(), b -> b.claim("token_use", null), kid), "Token use is not accepted.");
        // an access token relabelled as an ID token has no audience
        refused(resigned(tokens.accessToken(), b -> b.claim("token_use", "id"), kid), "Token audience is not accepted.");
    }

    @Test
    void theResigningHelperAloneDoesNotBreakAToken() throws Exception {
        String same = resigned(tokens.accessToken(), b -> b, bed.keys.currentKeyId());

        assertThat(bed.verifier.verify(same).use()).isEqualTo(VerifiedToken.TokenUse.ACCESS);
    }

    @Test
    void aTokenWithoutExpiryOrSessionIsRefused() throws Exception {
        String kid = bed.keys.currentKeyId();
        refused(resigned(tokens.idToken(), b -> b.expirationTime(null), kid), "Token is malformed.");
        refused(resigned(tokens.idToken(), b -> b.claim("origin_jti", null), kid), "Token is malformed.");
        refused(resigned(tokens.idToken(), b -> b.claim("origin_jti", "no-such-session"), kid), "Token has been revoked.");
        refused(resigned(tokens.idToken(), b -> b.expirationTime(new Date(0)), kid), "Token has expired.");
    }

    @Test
    void aKeyIdWeDoNotHaveIsRefused() throws Exception {
        refused(resigned(tokens.idToken(), b -> b, "someone-elses-key"), "Token signing key is unknown.");
        refused(resigned(tokens.idToken(), b -> b, null), "Token signing key is unknown.");
    }

    @Test
    void onlyRs256IsAccepted() throws Exception {
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(bed.keys.currentKeyId()).build(),
                SignedJWT.parse(tokens.idToken()).getJWTClaimsSet());
        hs256.sign(new MACSigner(new byte[32]));

        refused(hs256.serialize(), "Token algorithm is not accepted.");
    }

    @Test
    void theTokensOfADeletedAccountAreRefused() {
        bed.directory.delete(email);

        refused(tokens.idToken(), "Token has been revoked.");
    }

    @Test
    void signingOutRevokesEvenTokensThatHaveNotExpired() {
        bed.authenticator.globalSignOut(tokens.accessToken());

        refused(tokens.idToken(), "Token has been revoked.");
        refused(tokens.accessToken(), "Token has been revoked.");
    }

    // Our own header goes through OwnTokenReader; any other through Nimbus. Both must judge alike.

    @Test
    void ourOwnHeaderIsReadByTheFastPathAndAnyOtherByTheGeneralOneWithTheSameResult() throws Exception {
        String token = tokens.idToken();
        assertThat(token.substring(0, token.indexOf('.'))).isEqualTo(OwnTokenReader.headerSegment(bed.keys.currentKeyId()));
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        SignedJWT typed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(bed.keys.currentKeyId())
                .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        typed.sign(bed.keys.signer());

        assertThat(bed.verifier.verify(typed.serialize())).isEqualTo(bed.verifier.verify(token));
    }

    @Test
    void ourHeaderWithAnAlteredPayloadOrSignatureIsRefusedAsASignature() {
        String token = tokens.accessToken();
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        refused(parts[0] + "." + otherPayload + "." + parts[2], "Token signature is invalid.");
        refused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20), "Token signature is invalid.");
        refused(parts[0] + "." + parts[1] + "." + "!!not-base64!!", "Token signature is invalid.");
        refused(parts[0] + "." + parts[1], "Token signature is invalid.");
        refused(token + ".extra", "Token signature is invalid.");
    }

    @Test
    void aPayloadThatIsNoJsonObjectIsRefusedEvenWhenSignedWithOurKey() throws Exception {
        String header = OwnTokenReader.headerSegment(bed.keys.currentKeyId());
        for (String payload : new String[] {"[1,2]", "not json", "{\"iss\":", ""}) {
            String body = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String input = header + "." + body;
            byte[] signature = bed.keys.signer().sign(new JWSHeader(JWSAlgorithm.RS256),
                    input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).decode();
            String token = input + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

            assertRefused(() -> bed.verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        }
    }

    @Test
    void claimsOfTheWrongTypeInOurOwnHeaderAreRefusedNotMisread() throws Exception {
        String kid = bed.keys.currentKeyId();
        refused(resigned(tokens.idToken(), b -> b.claim("exp", "tomorrow"), kid), "Token is malformed.");
        refused(resigned(tokens.idToken(), b -> b.claim("sub", 42), kid), "Token is malformed.");
        refused(resigned(tokens.idToken(), b -> b.claim("token_use", java.util.List.of("id")), kid), "Token use is not accepted.");
    }
}
