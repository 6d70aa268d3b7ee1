package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token signatures are RS256 whoever computes them: AWS-LC's and the JDK's are the same bytes
 * (PKCS #1 v1.5 is deterministic), and the JDK verifies them, from any number of threads at once.
 */
class TokenSignaturesTest {
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    private static boolean jdkVerifies(byte[] input, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(input);
        return verifier.verify(signature);
    }

    /** Signs until AWS-LC has taken over (it loads in the background), at most ~20 s. */
    private static TokenSignatures withAwsLcReady() throws InterruptedException {
        TokenSignatures signatures = new TokenSignatures(keys.getPrivate());
        for (int i = 0; i < 200 && !signatures.signerName().startsWith("AWS-LC"); i++) {
            signatures.sign(new byte[] {1});
            Thread.sleep(100);
        }
        return signatures;
    }

    @Test
    void onTheBuildMachineAwsLcSigns() throws Exception {
        assumeTrue("true".equals(System.getenv("CI")), "only CI promises x86-64 Linux");
        assertThat(withAwsLcReady().signerName()).startsWith("AWS-LC (AmazonCorrettoCryptoProvider");
    }

    @Test
    void awsLcAndTheJdkSignTheSameBytesAndTheJdkVerifiesThem() throws Exception {
        TokenSignatures fast = withAwsLcReady();
        TokenSignatures jdk = new TokenSignatures(keys.getPrivate(), false);
        assertThat(jdk.signerName()).startsWith("JDK (");
        for (String text : List.of("", "eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJ4In0", "x".repeat(5000))) {
            byte[] input = text.getBytes(StandardCharsets.US_ASCII);
            byte[] signature = fast.sign(input);
            assertThat(signature).hasSize(256).isEqualTo(jdk.sign(input));
            assertThat(jdkVerifies(input, signature)).isTrue();
            assertThat(jdkVerifies("other".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        }
    }

    @Test
    void manyThreadsSigningAtOnceEachGetTheirOwnRightSignature() throws Exception {
        TokenSignatures signatures = withAwsLcReady();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                byte[] input = ("token-" + i).getBytes(StandardCharsets.US_ASCII);
                results.add(pool.submit(() -> jdkVerifies(input, signatures.sign(input))));
            }
            for (Future<Boolean> result : results) assertThat(result.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
