package dev.userpool.embedded;

import static dev.userpool.embedded.FuzzBeds.orRefused;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.VerifiedToken;
import java.nio.charset.StandardCharsets;

/**
 * A bearer token from the caller, parsed before its signature is checked (JOSE header, algorithm, key id,
 * claims): anything but one of our tokens is {@code NotAuthorized}, never another failure, and nothing
 * the fuzzer makes is accepted.
 */
class TokenParsingFuzzTest {
    @FuzzTest
    void bearerToken(byte[] input) {
        EmbeddedTestbed bed = FuzzBeds.bed();
        String token = new String(input, StandardCharsets.UTF_8);
        VerifiedToken verified = orRefused(() -> bed.verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        if (verified != null) fail("a token the fuzzer made was accepted: %s", verified);
    }
}
