package dev.userpool.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.RSAKey;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A bearer token checked against a Cognito pool's keys, parsed before its signature is checked: anything
 * the fuzzer makes is {@code NotAuthorized}, never accepted, never another failure.
 */
class CognitoTokenParsingFuzzTest {
    private static final RSAKey KEY = PoolTokens.newKey("key-1");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-05T22:42:34Z"), ZoneOffset.UTC);
    private static final String JWKS = PoolTokens.jwks(KEY);
    private static final CognitoTokenVerifier VERIFIER = new CognitoTokenVerifier(CognitoPool.onAws("eu-west-1", StubCognito.POOL_ID),
            AppClient.withoutSecret(PoolTokens.CLIENT), new PoolSigningKeys(() -> JWKS, CLOCK), CLOCK);

    @FuzzTest
    void bearerToken(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        try {
            fail("a token the fuzzer made was accepted: %s", VERIFIER.verify(token));
        } catch (UserPoolException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        }
    }
}
