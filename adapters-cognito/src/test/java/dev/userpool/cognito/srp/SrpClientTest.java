package dev.userpool.cognito.srp;

import dev.userpool.srp.PasswordClaimSignature;
import dev.userpool.srp.SrpGroup;
import dev.userpool.srp.SrpServerSession;
import dev.userpool.srp.SrpVerifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserPoolException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client's own rules; the values themselves are pinned by {@link SrpReferenceVectorsTest}. */
class SrpClientTest {
    private static final String POOL_ID = "eu-west-1_AbCdEf123";
    private static final Password PASSWORD = Password.of("Correct-Horse-9!");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-04-05T22:42:34Z"), ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();
    private final SrpClient client = new SrpClient(POOL_ID, CLOCK);

    @Test
    void startDrawsAFreshSecretAndSendsLowerCaseHexOfGToIt() {
        SrpStart first = client.start();
        SrpStart second = client.start();

        assertThat(first.srpA()).matches("[0-9a-f]+").isNotEqualTo(second.srpA());
        BigInteger a = first.ephemeral().a;
        assertThat(a.bitLength()).isBetween(1000, 1024);
        assertThat(new BigInteger(first.srpA(), 16)).isEqualTo(SrpGroup.G.modPow(a, SrpGroup.N));
    }

    @Test
    void theSecretNeverPrints() {
        SrpStart start = client.start();
        String a = start.ephemeral().a.toString(16);

        assertThat(start.toString()).doesNotContain(a).doesNotContain(start.ephemeral().a.toString()).doesNotContain(start.srpA());
        assertThat(start.ephemeral().toString()).isEqualTo("Ephemeral[hidden]");
    }

    @Test
    void srpAMustBelongToItsEphemeralKey() {
        SrpStart start = client.start();
        assertThatThrownBy(() -> new SrpStart("ff", start.ephemeral())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anHonestServerDerivesTheSameKeyAndAcceptsTheSignature() {
        Fixture f = new Fixture(PASSWORD);
        SrpClient.Computation c = client.compute(f.start, f.challenge, PASSWORD);

        assertThat(c.key()).hasSize(16);
        assertThat(f.server.verifySignature(f.secretBlock, c.timestamp(), c.signature())).isTrue();
        // the same key signs any text the server checks: both sides derived the same S and key
        String other = "Thu Apr 6 01:02:03 UTC 2017";
        assertThat(f.server.verifySignature(f.secretBlock, other,
                PasswordClaimSignature.signBase64(c.key(), "AbCdEf123", "user-1", f.secretBlock, other))).isTrue();
    }

    @Test
    void aWrongPasswordGivesASignatureTheServerRefuses() {
        Fixture f = new Fixture(PASSWORD);
        PasswordClaim claim = client.answer(f.start, f.challenge, Password.of("Correct-Horse-9?"));

        assertThat(f.server.verifySignature(f.secretBlock, claim.timestamp(), claim.signature())).isFalse();
    }

    @Test
    void onlyThePartAfterTheUnderscoreIsHashed() {
        Fixture f = new Fixture(PASSWORD);
        String here = client.answer(f.start, f.challenge, PASSWORD).signature();

        assertThat(new SrpClient("us-east-1_AbCdEf123", CLOCK).answer(f.start, f.challenge, PASSWORD).signature()).isEqualTo(here);
        assertThat(new SrpClient("eu-west-1_AbCdEf124", CLOCK).answer(f.start, f.challenge, PASSWORD).signature()).isNotEqualTo(here);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2"})
    void refusesBThatIsZeroModuloN(int multipleOfN) {
        PasswordVerifierChallenge evil = new PasswordVerifierChallenge(
                SrpGroup.N.multiply(BigInteger.valueOf(multipleOfN)).toString(16), "abcd", "AAAA", "user-1", "user-1");

        assertThatThrownBy(() -> client.answer(client.start(), evil, PASSWORD))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).contains("B mod N = 0").doesNotContain(PASSWORD.reveal());
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2017-04-05T22:42:34Z     | Wed Apr 5 22:42:34 UTC 2017",
            "2024-02-29T03:04:05.999Z | Thu Feb 29 03:04:05 UTC 2024",
            "2025-12-31T23:59:59Z     | Wed Dec 31 23:59:59 UTC 2025",
            "2026-01-10T00:00:00Z     | Sat Jan 10 00:00:00 UTC 2026"})
    void timestampIsCognitosEnglishUtcTextWithAnUnpaddedDay(String instant, String expected) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // the server's locale must not leak into the text Cognito checks
        try {
            SrpClient atThatTime = new SrpClient(POOL_ID, Clock.fixed(Instant.parse(instant), ZoneOffset.ofHours(9)));
            Fixture f = new Fixture(PASSWORD);
            assertThat(atThatTime.answer(f.start, f.challenge, PASSWORD).timestamp()).isEqualTo(expected);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void claimAnswersWithTheChallengesUsernameAndSecretBlock() {
        Fixture f = new Fixture(PASSWORD);
        PasswordClaim claim = client.answer(f.start, f.challenge, PASSWORD);
        Map<String, String> responses = claim.challengeResponses();

        assertThat(responses).containsOnlyKeys("USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "PASSWORD_CLAIM_SIGNATURE");
        assertThat(responses.get("USERNAME")).isEqualTo("user-1");
        assertThat(responses.get("PASSWORD_CLAIM_SECRET_BLOCK")).isEqualTo(f.challenge.secretBlock());
        assertThat(Base64.getDecoder().decode(responses.get("PASSWORD_CLAIM_SIGNATURE"))).hasSize(32);
        responses.put("SECRET_HASH", "added by the caller"); // a fresh, mutable map
        assertThat(claim.challengeResponses()).doesNotContainKey("SECRET_HASH");
        assertThat(claim.toString()).doesNotContain(claim.signature());
    }

    @Test
    void aChallengeLackingParametersIsNotAuthorizedAndNamesThem() {
        Map<String, String> parameters = new HashMap<>(Map.of("SRP_B", "ab", "SALT", "cd", "USERNAME", "user-1"));

        assertThatThrownBy(() -> PasswordVerifierChallenge.from(parameters))
                .isInstanceOfSatisfying(UserPoolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).contains("SECRET_BLOCK, USER_ID_FOR_SRP").doesNotContain("SRP_B").doesNotContain("SALT");
                });
        assertThatThrownBy(() -> PasswordVerifierChallenge.from(null)).isInstanceOf(UserPoolException.class)
                .hasMessageContaining("SRP_B, SALT, SECRET_BLOCK, USER_ID_FOR_SRP, USERNAME");
    }

    @Test
    void aMalformedChallengeIsNotAuthorized() {
        assertThatThrownBy(() -> challenge("xyz", "ab", "AAAA")).hasMessageContaining("SRP_B");
        assertThatThrownBy(() -> challenge("ab", "-1", "AAAA")).hasMessageContaining("SALT");
        assertThatThrownBy(() -> challenge("ab", "cd", "not base64!")).hasMessageContaining("SECRET_BLOCK")
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void fromReadsCognitosParameterNames() {
        PasswordVerifierChallenge challenge = PasswordVerifierChallenge.from(Map.of(
                "SRP_B", "0b", "SALT", "0c", "SECRET_BLOCK", "AAAA", "USER_ID_FOR_SRP", "id-1", "USERNAME", "name-1"));

        assertThat(challenge).isEqualTo(new PasswordVerifierChallenge("0b", "0c", "AAAA", "id-1", "name-1"));
        assertThat(challenge.toString()).doesNotContain("AAAA");
    }

    @Test
    void refusesSomethingThatIsNotAUserPoolId() {
        assertThatThrownBy(() -> new SrpClient("AbCdEf123", CLOCK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrpClient("eu-west-1_", CLOCK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrpClient("eu-west-1_Ab-Cd", CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PasswordVerifierChallenge challenge(String srpB, String salt, String secretBlock) {
        return new PasswordVerifierChallenge(srpB, salt, secretBlock, "user-1", "user-1");
    }

    /** A server session for user-1 and a client start to answer it with. */
    private final class Fixture {
        final SrpStart start = client.start();
        final SrpServerSession server;
        final byte[] secretBlock = new byte[64];
        final PasswordVerifierChallenge challenge;

        Fixture(Password password) {
            SrpVerifier verifier = SrpVerifier.create("AbCdEf123", "user-1", password.reveal(), random);
            server = SrpServerSession.begin(verifier, new BigInteger(start.srpA(), 16), random);
            random.nextBytes(secretBlock);
            challenge = new PasswordVerifierChallenge(server.srpB(), verifier.saltHex(),
                    Base64.getEncoder().encodeToString(secretBlock), "user-1", "user-1");
        }
    }
}
