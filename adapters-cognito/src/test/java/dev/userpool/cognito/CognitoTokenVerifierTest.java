package dev.userpool.cognito;

import static dev.userpool.cognito.PoolTokens.accessClaims;
import static dev.userpool.cognito.PoolTokens.idClaims;
import static dev.userpool.cognito.PoolTokens.signed;
import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The pool's tokens are checked here, offline, against its JWKS: RS256, issuer, expiry by our clock, use and client. */
class CognitoTokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-04-05T22:42:34Z");
    private static final RSAKey KEY = PoolTokens.newKey("key-1");
    private static final RSAKey OTHER_KEY = PoolTokens.newKey("key-2");

    private final MutableClock clock = MutableClock.at(NOW);
    private final AtomicReference<String> jwks = new AtomicReference<>(PoolTokens.jwks(KEY));
    private final AtomicInteger fetches = new AtomicInteger();
    private final CognitoTokenVerifier verifier = new CognitoTokenVerifier(CognitoPool.onAws("eu-west-1", StubCognito.POOL_ID),
            AppClient.withoutSecret(PoolTokens.CLIENT), new PoolSigningKeys(() -> {
                fetches.incrementAndGet();
                return jwks.get();
            }, clock), clock);

    @Test
    void anIdTokenNamesTheUserAndTheAddress() {
        VerifiedToken token = verifier.verify(signed(KEY, idClaims(NOW.minusSeconds(60))));

        assertThat(token.use()).isEqualTo(TokenUse.ID);
        assertThat(token.userId()).isEqualTo(new UserId("sub-alice"));
        assertThat(token.email()).contains(new EmailAddress("alice@example.com"));
        assertThat(token.issuedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3540));
    }

    @Test
    void anAccessTokenCarriesTheCognitoGroups() {
        VerifiedToken token = verifier.verify(signed(KEY, accessClaims(NOW)));

        assertThat(token.use()).isEqualTo(TokenUse.ACCESS);
        assertThat(token.email()).isEmpty();
        assertThat(token.groups()).containsExactlyInAnyOrder("admins", "riders");
        assertThat(token.inGroup("admins")).isTrue();
    }

    @Test
    void onlyRs256IsAccepted() {
        var rs512 = assertRefused(() -> verifier.verify(signed(KEY, JWSAlgorithm.RS512, idClaims(NOW))), ErrorCode.NOT_AUTHORIZED);
        assertThat(rs512.getMessage()).isEqualTo("Token algorithm is not accepted.");
        // HS256 "signed" with the public modulus: the classic key-confusion forgery
        byte[] publicBytes = KEY.toPublicJWK().getModulus().decode();
        assertRefused(() -> verifier.verify(PoolTokens.hmacSigned("key-1", publicBytes, idClaims(NOW))), ErrorCode.NOT_AUTHORIZED);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = signed(KEY, idClaims(NOW)).split("\\.")[1];
        assertRefused(() -> verifier.verify(header + "." + payload + "."), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void anotherIssuerIsRefused() {
        var e = assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW)
                .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool"))), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Token issuer is not accepted.");
    }

    @Test
    void expiryIsJudgedByTheInjectedClock() {
        String token = signed(KEY, idClaims(NOW));
        assertThat(verifier.verify(token).use()).isEqualTo(TokenUse.ID);

        clock.advance(Duration.ofSeconds(3599));
        assertThat(verifier.verify(token).use()).isEqualTo(TokenUse.ID);
        clock.advance(Duration.ofSeconds(1));
        var e = assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Token has expired.");
    }

    @Test
    void anIdTokenMustBeForOurClientAndAnAccessTokenFromIt() {
        var id = assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).audience("someone-else"))), ErrorCode.NOT_AUTHORIZED);
        assertThat(id.getMessage()).isEqualTo("Token audience is not accepted.");
        var access = assertRefused(() -> verifier.verify(signed(KEY, accessClaims(NOW).claim("client_id", "someone-else"))),
                ErrorCode.NOT_AUTHORIZED);
        assertThat(access.getMessage()).isEqualTo("Token client is not accepted.");
        // an access token has no aud; passing our client id as aud does not make it an ID token
        assertRefused(() -> verifier.verify(signed(KEY, accessClaims(NOW).audience(PoolTokens.CLIENT).claim("client_id", null))),
                ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aTokenOfAnotherUseIsRefused() {
        var e = assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).claim("token_use", "refresh"))), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Token use is not accepted.");
        assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).claim("token_use", null))), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void missingClaimsAreRefused() {
        assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).subject(null))), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).expirationTime(null))), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).issueTime(null))), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).claim("email", "not an address"))), ErrorCode.NOT_AUTHORIZED);
        assertRefused(() -> verifier.verify(signed(KEY, idClaims(NOW).claim("cognito:groups", 7))), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void aSignatureByAKeyOfAnotherPoolIsRefused() {
        RSAKey impostor = PoolTokens.newKey("key-1");   // same kid, different key
        var e = assertRefused(() -> verifier.verify(signed(impostor, idClaims(NOW))), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Token signature is invalid.");
    }

    @Test
    void keysAreFetchedOnceAndCached() {
        verifier.verify(signed(KEY, idClaims(NOW)));
        verifier.verify(signed(KEY, accessClaims(NOW)));
        clock.advance(Duration.ofMinutes(30));
        verifier.verify(signed(KEY, accessClaims(NOW.plus(Duration.ofMinutes(30)))));

        assertThat(fetches).hasValue(1);
    }

    @Test
    void aNewKeyOfThePoolIsFoundByFetchingAgain() {
        verifier.verify(signed(KEY, idClaims(NOW)));
        jwks.set(PoolTokens.jwks(KEY, OTHER_KEY));   // the pool rotated in a second key

        clock.advance(PoolSigningKeys.UNKNOWN_KEY_INTERVAL);
        assertThat(verifier.verify(signed(OTHER_KEY, idClaims(clock.instant()))).use()).isEqualTo(TokenUse.ID);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void unknownKeysFetchAtMostOncePerInterval() {
        verifier.verify(signed(KEY, idClaims(NOW)));
        RSAKey forged = PoolTokens.newKey("forged-kid");
        String token = signed(forged, idClaims(NOW));

        for (int i = 0; i < 50; i++) {
            var e = assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
            assertThat(e.getMessage()).isEqualTo("Token signing key is unknown.");
        }
        assertThat(fetches).as("the keys were fetched just now").hasValue(1);

        clock.advance(PoolSigningKeys.UNKNOWN_KEY_INTERVAL);
        for (int i = 0; i < 50; i++) assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(fetches).as("one fetch for the unknown kid, then the interval holds").hasValue(2);

        clock.advance(PoolSigningKeys.UNKNOWN_KEY_INTERVAL.minusSeconds(1));
        assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(fetches).hasValue(2);
        clock.advance(Duration.ofSeconds(1));
        assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void keysThePoolDroppedStopBeingTrustedOnceTheCacheIsOld() {
        String token = signed(KEY, idClaims(NOW).expirationTime(Date.from(NOW.plus(Duration.ofHours(3)))));
        verifier.verify(token);
        jwks.set(PoolTokens.jwks(OTHER_KEY));

        clock.advance(PoolSigningKeys.MAX_AGE);
        assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void whenTheKeysCannotBeFetchedNoTokenCanBeJudgedAndThatIsOurFaultNotTheCallers() {
        AtomicInteger calls = new AtomicInteger();
        CognitoTokenVerifier offline = new CognitoTokenVerifier(CognitoPool.onAws("eu-west-1", StubCognito.POOL_ID),
                AppClient.withoutSecret(PoolTokens.CLIENT), new PoolSigningKeys(() -> {
                    if (calls.incrementAndGet() == 1) throw new java.io.IOException("connection refused");
                    return PoolTokens.jwks(KEY);
                }, clock), clock);
        String token = signed(KEY, idClaims(NOW));

        var e = assertRefused(() -> offline.verify(token), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("The user pool's signing keys cannot be fetched.");
        assertRefused(() -> offline.verify(token), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(calls).as("no fetch storm while the endpoint is down").hasValue(1);

        clock.advance(PoolSigningKeys.RETRY_AFTER_FAILURE);
        assertThat(offline.verify(token).use()).isEqualTo(TokenUse.ID);
    }

    @Test
    void staleKeysStayInUseWhileTheJwksIsUnreachable() {
        AtomicInteger calls = new AtomicInteger();
        CognitoTokenVerifier flaky = new CognitoTokenVerifier(CognitoPool.onAws("eu-west-1", StubCognito.POOL_ID),
                AppClient.withoutSecret(PoolTokens.CLIENT), new PoolSigningKeys(() -> {
                    if (calls.incrementAndGet() > 1) throw new java.io.IOException("down");
                    return PoolTokens.jwks(KEY);
                }, clock), clock);
        flaky.verify(signed(KEY, idClaims(NOW)));

        clock.advance(PoolSigningKeys.MAX_AGE);
        assertThat(flaky.verify(signed(KEY, idClaims(clock.instant()))).use()).isEqualTo(TokenUse.ID);
        assertThat(calls).hasValue(2);
    }

    @Test
    void keysForOtherAlgorithmsOrUsesInTheJwksAreIgnored() throws Exception {
        RSAKey encryption = new RSAKey.Builder(OTHER_KEY.toRSAPublicKey()).keyID("key-2")
                .keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION).build();
        jwks.set(new com.nimbusds.jose.jwk.JWKSet(java.util.List.of(KEY.toPublicJWK(), encryption)).toString());

        assertRefused(() -> verifier.verify(signed(OTHER_KEY, idClaims(NOW))), ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void refusalsNeverRepeatTheToken() {
        String token = signed(KEY, idClaims(NOW).issuer("https://elsewhere"));
        var e = assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    }
}
