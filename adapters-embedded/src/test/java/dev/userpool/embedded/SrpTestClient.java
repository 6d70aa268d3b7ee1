package dev.userpool.embedded;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.srp.CognitoTimestamp;
import dev.userpool.srp.PasswordClaimSignature;
import dev.userpool.srp.SrpGroup;
import dev.userpool.srp.SrpPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client side of DESIGN §6 in a few lines of plain arithmetic, so the embedded server is tested
 * here without the Cognito adapter (adapters do not depend on each other). The app's tests use the
 * real clients (amazon-cognito-identity-js, userpool's SrpClient).
 */
final class SrpTestClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    final String poolName;
    final BigInteger a = new BigInteger(SrpGroup.EPHEMERAL_BITS, RANDOM);
    final BigInteger bigA = SrpGroup.G.modPow(a, SrpGroup.N);

    SrpTestClient(String userPoolId) {
        this.poolName = SrpPrivateKey.poolName(userPoolId);
    }

    String srpA() {
        return bigA.toString(16);
    }

    /** The answer a Cognito client sends: {@code USERNAME} = {@code USER_ID_FOR_SRP}, signed at {@code at}. */
    ChallengeAnswer answer(SrpServer.Challenge challenge, String password, Instant at) {
        return answer(challenge, password, CognitoTimestamp.format(at), challenge.userIdForSrp());
    }

    ChallengeAnswer answer(SrpServer.Challenge challenge, String password, String timestamp, String username) {
        BigInteger bigB = new BigInteger(challenge.srpB(), 16);
        BigInteger u = SrpGroup.scrambler(bigA, bigB);
        BigInteger x = SrpPrivateKey.x(poolName, challenge.userIdForSrp(), password, new BigInteger(challenge.salt(), 16));
        BigInteger base = bigB.subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N))).mod(SrpGroup.N);
        BigInteger s = base.modPow(a.add(u.multiply(x)), SrpGroup.N);
        String signature = PasswordClaimSignature.signBase64(PasswordClaimSignature.key(u, s), poolName,
                challenge.userIdForSrp(), Base64.getDecoder().decode(challenge.secretBlock()), timestamp);
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("USERNAME", username);
        responses.put("PASSWORD_CLAIM_SECRET_BLOCK", challenge.secretBlock());
        responses.put("TIMESTAMP", timestamp);
        responses.put("PASSWORD_CLAIM_SIGNATURE", signature);
        return new ChallengeAnswer(PasswordVerifierChallenge.NAME, challenge.secretBlock(), responses);
    }
}
