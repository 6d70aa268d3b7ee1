package dev.userpool.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * What a client sends the server side of SRP: {@code SRP_A}, {@code TIMESTAMP} and
 * {@code PASSWORD_CLAIM_SIGNATURE}, one per line. {@code A} is refused only by the documented
 * {@code IllegalArgumentException}; a timestamp parses only when it prints back as itself; a signature
 * is never accepted without the password and never throws.
 */
class SrpParametersFuzzTest {
    private static final SrpVerifier VERIFIER = SrpVerifier.withSalt("Userpool1", "0f8fad5b-d9cb-469f-a165-70867728950e",
            "Correct-Horse-9!", "00112233445566778899aabbccddeeff");
    private static final byte[] SECRET_BLOCK = "a secret block".getBytes(StandardCharsets.UTF_8);

    @FuzzTest
    void clientParameters(byte[] input) throws NoSuchAlgorithmException {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String srpA = lines[0];
        String timestamp = lines.length > 1 ? lines[1] : "";
        String signature = lines.length > 2 ? lines[2] : "";

        Optional<Instant> signedAt = CognitoTimestamp.parse(timestamp);
        signedAt.ifPresent(at -> assertThat(CognitoTimestamp.format(at)).isEqualTo(timestamp));

        BigInteger bigA = srpA.matches("[0-9a-fA-F]{1,2048}") ? new BigInteger(srpA, 16) : new BigInteger(1, input);
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(input);
        SrpServerSession session;
        try {
            session = SrpServerSession.begin(VERIFIER, bigA, random);
        } catch (IllegalArgumentException e) {
            assertThat(bigA.mod(SrpGroup.N).signum()).as("refused only when A mod N = 0").isZero();
            return;
        }
        assertThat(new BigInteger(session.srpB(), 16)).isPositive().isLessThan(SrpGroup.N);
        if (session.verifySignature(SECRET_BLOCK, timestamp, signature)) {
            fail("a signature made without the password was accepted: %s", signature);
        }
        assertThat(session.verifySignature(SECRET_BLOCK, timestamp, null)).isFalse();
    }
}
