package dev.userpool.cognito.srp;

import dev.userpool.srp.SrpServerSession;
import dev.userpool.srp.SrpVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Password;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One {@link SrpClient} shared by many threads: every sign-in computed at the same time still proves its password. */
class SrpClientConcurrencyTest {
    private static final int THREADS = 8;
    private static final int SIGN_INS_PER_THREAD = 12;

    @Test
    void concurrentSignInsAllVerifyAndNeverShareASecret() throws Exception {
        SecureRandom random = new SecureRandom();
        SrpClient client = new SrpClient("eu-west-1_Concurrent1", Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC));
        // each thread its own user and password, so a mix-up between threads could not verify by chance
        List<Password> passwords = new ArrayList<>();
        List<SrpVerifier> verifiers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Password password = Password.of("Thread-" + t + "-Password!");
            passwords.add(password);
            verifiers.add(SrpVerifier.create("Concurrent1", "user-" + t, password.reveal(), random));
        }
        Set<String> srpAs = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> verified = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                verified.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < SIGN_INS_PER_THREAD; i++) {
                        SrpStart start = client.start();
                        srpAs.add(start.srpA());
                        SrpServerSession server = SrpServerSession.begin(verifiers.get(thread), new BigInteger(start.srpA(), 16), random);
                        byte[] secretBlock = new byte[32];
                        random.nextBytes(secretBlock);
                        PasswordVerifierChallenge challenge = new PasswordVerifierChallenge(server.srpB(),
                                verifiers.get(thread).saltHex(), Base64.getEncoder().encodeToString(secretBlock),
                                "user-" + thread, "user-" + thread);
                        PasswordClaim claim = client.answer(start, challenge, passwords.get(thread));
                        if (server.verifySignature(secretBlock, claim.timestamp(), claim.signature())) ok++;
                    }
                    return ok;
                }));
            }
            go.countDown();
            for (Future<Integer> f : verified) assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(SIGN_INS_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
        assertThat(srpAs).hasSize(THREADS * SIGN_INS_PER_THREAD);
    }
}
