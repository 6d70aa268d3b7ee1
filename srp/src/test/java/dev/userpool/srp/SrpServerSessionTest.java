package dev.userpool.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The server side against a client written here from DESIGN §6 alone, and against a claim the
 * official JavaScript client made ({@link ReferenceVector}).
 */
class SrpServerSessionTest {
    private static final String POOL = "Userpool1";
    private static final String USER = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String PASSWORD = "Correct-Horse-9!";
    private static final String TIMESTAMP = "Wed Apr 5 22:42:34 UTC 2017";
    private final SecureRandom random = new SecureRandom();
    private final byte[] secretBlock = "a secret block".getBytes(StandardCharsets.UTF_8);

    @Test
    void theJavaScriptClientsClaimVerifies() {
        SrpVerifier verifier = SrpVerifier.withSalt(ReferenceVector.POOL_NAME, ReferenceVector.USER_ID,
                ReferenceVector.PASSWORD, ReferenceVector.SALT);
        BigInteger bigA = SrpGroup.G.modPow(new BigInteger(ReferenceVector.SMALL_A, 16), SrpGroup.N);
        SrpServerSession server = SrpServerSession.withSecret(verifier, bigA, new BigInteger(ReferenceVector.SMALL_B, 16));
        byte[] block = Base64.getDecoder().decode(ReferenceVector.SECRET_BLOCK);

        assertThat(HexFormat.of().formatHex(server.key())).isEqualTo(ReferenceVector.KEY);
        assertThat(server.verifySignature(block, ReferenceVector.TIMESTAMP, ReferenceVector.SIGNATURE)).isTrue();
        assertThat(server.verifySignature(block, "Wed Apr 5 22:42:35 UTC 2017", ReferenceVector.SIGNATURE)).isFalse();
    }

    @Test
    void anHonestClientWithThePasswordIsAccepted() {
        SrpVerifier verifier = SrpVerifier.create(POOL, USER, PASSWORD, random);
        Client client = new Client();
        SrpServerSession server = SrpServerSession.begin(verifier, client.bigA, random);

        String signature = client.sign(server.srpB(), verifier.saltHex(), PASSWORD, secretBlock, TIMESTAMP);

        assertThat(server.verifySignature(secretBlock, TIMESTAMP, signature)).isTrue();
    }

    @Test
    void aWrongPasswordATamperedSignatureOrOtherSignedValuesAreRefused() {
        SrpVerifier verifier = SrpVerifier.create(POOL, USER, PASSWORD, random);
        Client client = new Client();
        SrpServerSession server = SrpServerSession.begin(verifier, client.bigA, random);

        String wrong = client.sign(server.srpB(), verifier.saltHex(), "Correct-Horse-9?", secretBlock, TIMESTAMP);
        assertThat(server.verifySignature(secretBlock, TIMESTAMP, wrong)).isFalse();

        String right = client.sign(server.srpB(), verifier.saltHex(), PASSWORD, secretBlock, TIMESTAMP);
        byte[] tampered = Base64.getDecoder().decode(right);
        tampered[3] ^= 0x40;
        assertThat(server.verifySignature(secretBlock, TIMESTAMP, Base64.getEncoder().encodeToString(tampered))).isFalse();
        assertThat(server.verifySignature("another block".getBytes(StandardCharsets.UTF_8), TIMESTAMP, right)).isFalse();
        assertThat(server.verifySignature(secretBlock, "Wed Apr 5 22:42:35 UTC 2017", right)).isFalse();
        assertThat(server.verifySignature(secretBlock, TIMESTAMP, "not base64!")).isFalse();
        assertThat(server.verifySignature(secretBlock, TIMESTAMP, null)).isFalse();
        assertThat(server.verifySignature(secretBlock, TIMESTAMP, right)).as("the right claim, for contrast").isTrue();
    }

    @Test
    void aClaimForAnotherSessionIsRefused() {
        SrpVerifier verifier = SrpVerifier.create(POOL, USER, PASSWORD, random);
        Client client = new Client();
        SrpServerSession first = SrpServerSession.begin(verifier, client.bigA, random);
        SrpServerSession second = SrpServerSession.begin(verifier, client.bigA, random);

        String forFirst = client.sign(first.srpB(), verifier.saltHex(), PASSWORD, secretBlock, TIMESTAMP);

        assertThat(first.srpB()).isNotEqualTo(second.srpB());
        assertThat(second.verifySignature(secretBlock, TIMESTAMP, forFirst)).isFalse();
    }

    @Test
    void refusesAnAThatIsZeroModN() {
        SrpVerifier verifier = SrpVerifier.create(POOL, USER, PASSWORD, random);
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, SrpGroup.N, SrpGroup.N.shiftLeft(1)}) {
            assertThatThrownBy(() -> SrpServerSession.begin(verifier, bad, random)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SrpServerSession.begin(verifier, BigInteger.ONE.negate(), random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretNeverPrints() {
        SrpServerSession server = SrpServerSession.begin(SrpVerifier.create(POOL, USER, PASSWORD, random), new Client().bigA, random);
        assertThat(server.toString()).doesNotContain(server.srpB()).contains(USER);
    }

    /** DESIGN §6's client side, written out with plain modPow: S = (B − k·g^x)^(a + u·x). */
    private final class Client {
        final BigInteger a = new BigInteger(SrpGroup.EPHEMERAL_BITS, random);
        final BigInteger bigA = SrpGroup.G.modPow(a, SrpGroup.N);

        String sign(String srpB, String saltHex, String password, byte[] block, String timestamp) {
            BigInteger bigB = new BigInteger(srpB, 16);
            BigInteger u = new BigInteger(1, Sha256.digest(bigA.toByteArray(), bigB.toByteArray()));
            byte[] identity = Sha256.digest((POOL + USER + ":" + password).getBytes(StandardCharsets.UTF_8));
            BigInteger x = new BigInteger(1, Sha256.digest(new BigInteger(saltHex, 16).toByteArray(), identity));
            BigInteger base = bigB.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N))).mod(SrpGroup.N);
            BigInteger s = base.modPow(a.add(u.multiply(x)), SrpGroup.N);
            return PasswordClaimSignature.signBase64(PasswordClaimSignature.key(u, s), POOL, USER, block, timestamp);
        }
    }
}
