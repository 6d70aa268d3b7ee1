package dev.userpool.embedded;

import static dev.userpool.embedded.FuzzBeds.orRefused;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.SignedIn;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * USER_SRP_AUTH as a client drives it, one parameter per line: the name and {@code SRP_A} that begin a
 * challenge, then the {@code USERNAME}, {@code TIMESTAMP} and {@code PASSWORD_CLAIM_SIGNATURE} that answer
 * it. Beginning is a challenge or {@code InvalidParameter} / {@code TooManyRequests}; an answer without the
 * password is {@code NotAuthorized} (or {@code InvalidParameter} for a blank one; {@code UserNotFound} for
 * a simulated challenge, which the core's user-enumeration protection answers as {@code NotAuthorized}),
 * never tokens, never another failure.
 */
class SrpAnswerFuzzTest {
    @FuzzTest
    void beginAndAnswer(byte[] input) {
        EmbeddedTestbed bed = FuzzBeds.bed();
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 5);
        String name = lines[0];
        String srpA = line(lines, 1);
        SrpServer.Challenge challenge = orRefused(() -> bed.srp.begin(name, srpA, "127.0.0.1"),
                ErrorCode.INVALID_PARAMETER, ErrorCode.TOO_MANY_REQUESTS);
        if (challenge == null) return;
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("USERNAME", line(lines, 2).isEmpty() ? challenge.username() : line(lines, 2));
        answers.put("PASSWORD_CLAIM_SECRET_BLOCK", challenge.secretBlock());
        answers.put("TIMESTAMP", line(lines, 3));
        answers.put("PASSWORD_CLAIM_SIGNATURE", line(lines, 4));
        SignedIn tokens = orRefused(() -> bed.authenticator.answerChallenge(
                new ChallengeAnswer(PasswordVerifierChallenge.NAME, challenge.secretBlock(), answers)),
                ErrorCode.NOT_AUTHORIZED, ErrorCode.INVALID_PARAMETER, ErrorCode.USER_NOT_FOUND);
        if (tokens != null) fail("an answer made without the password signed in");
    }

    private static String line(String[] lines, int i) {
        return i < lines.length ? lines[i] : "";
    }
}
