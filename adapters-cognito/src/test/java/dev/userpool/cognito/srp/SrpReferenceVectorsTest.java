package dev.userpool.cognito.srp;

import dev.userpool.srp.Sha256;
import dev.userpool.srp.SrpGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.cognito.srp.JavaScriptReferenceClient.Case;
import dev.userpool.cognito.srp.JavaScriptReferenceClient.Result;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.UserPoolException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java client against the official JavaScript client ({@code amazon-cognito-identity-js}, run by
 * {@link JavaScriptReferenceClient}): for the same inputs — pool id, USER_ID_FOR_SRP, password, salt,
 * {@code a}, {@code B}, SECRET_BLOCK and the clock — both give the same {@code A}, {@code u}, {@code x},
 * {@code S}, HKDF key, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE and challenge responses, or both refuse.
 *
 * <p>Random inputs (a new seed each run, printed in every test name; repeat a run with
 * {@code -Dsrp.seed=<seed>}) and edge cases where PAD matters: {@code A}, {@code B}, {@code S},
 * {@code u} and the salt with their top bit set (PAD adds a zero byte) or shorter than usual (a
 * leading zero byte that PAD drops), hex with leading zeros, the smallest and largest {@code a},
 * non-ASCII passwords, single-digit days, and {@code B mod N = 0}. Each edge case also checks on the
 * reference's own values that it really is the edge it claims to be.
 */
class SrpReferenceVectorsTest {
    private static final int RANDOM_CASES = 24;
    private static final long SEED = Long.getLong("srp.seed", new SecureRandom().nextLong());
    /** N's length in bytes; PAD of a value below N is one byte longer (top bit set) or shorter (a zero top byte and more). */
    private static final int N_BYTES = 384;

    private record Vector(String name, Case input, Predicate<Result> premise) {
        Vector(String name, Case input) {
            this(name, input, r -> true);
        }
    }

    private final Random random = new Random(SEED);

    @TestFactory
    Stream<DynamicTest> javaClientMatchesTheJavaScriptClient() throws Exception {
        List<Vector> vectors = new ArrayList<>();
        IntStream.rangeClosed(1, RANDOM_CASES).forEach(i -> vectors.add(new Vector("random #" + i, randomCase())));
        vectors.addAll(edgeCases());
        List<Result> results = JavaScriptReferenceClient.run(vectors.stream().map(Vector::input).toList());
        return IntStream.range(0, vectors.size()).mapToObj(i -> DynamicTest.dynamicTest(
                vectors.get(i).name() + " (seed " + SEED + ")", () -> check(vectors.get(i), results.get(i))));
    }

    private static void check(Vector vector, Result reference) {
        Case c = vector.input();
        SrpClient client = new SrpClient(c.poolId(), Clock.fixed(c.at(), ZoneOffset.UTC));
        SrpStart start = client.start(c.a());
        PasswordVerifierChallenge challenge =
                new PasswordVerifierChallenge(c.srpB(), c.salt(), c.secretBlock(), c.userIdForSrp(), c.challengeUsername());
        Password password = Password.of(c.password());
        if (reference.error().isPresent()) {
            assertThatThrownBy(() -> client.answer(start, challenge, password))
                    .as("the reference refused (%s), so must Java", reference.error().get())
                    .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
            assertThat(vector.premise()).as("premise").accepts(reference);
            return;
        }
        assertThat(vector.premise()).as("this case's premise, on the reference's values").accepts(reference);
        SrpClient.Computation java = client.compute(start, challenge, password);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(start.srpA()).as("SRP_A").isEqualTo(reference.srpA());
        soft.assertThat(java.bigA()).as("A").isEqualTo(reference.bigA());
        soft.assertThat(java.u()).as("u").isEqualTo(reference.u());
        soft.assertThat(java.x()).as("x").isEqualTo(reference.x());
        soft.assertThat(java.s()).as("S").isEqualTo(reference.s());
        soft.assertThat(HexFormat.of().formatHex(java.key())).as("HKDF key").isEqualTo(reference.keyHex());
        soft.assertThat(java.timestamp()).as("TIMESTAMP").isEqualTo(reference.timestamp());
        soft.assertThat(java.signature()).as("PASSWORD_CLAIM_SIGNATURE").isEqualTo(reference.signature());
        Map<String, String> responses = client.answer(start, challenge, password).challengeResponses();
        Map<String, String> expected = new HashMap<>(reference.challengeResponses());
        // The JavaScript client answers with USER_ID_FOR_SRP as USERNAME; we answer with the challenge's
        // USERNAME (DESIGN §6, and what SECRET_HASH is computed over). Cognito sends the same value in both.
        expected.put("USERNAME", c.challengeUsername());
        soft.assertThat(responses).as("challenge responses").isEqualTo(expected);
        soft.assertAll();
    }

    // ---- inputs

    private Case randomCase() {
        String userId = uuid();
        return new Case(poolId(), userId, userId, userId, password(), new BigInteger(SrpClient.SMALL_A_BITS, random),
                randomB().toString(16), HexFormat.of().formatHex(bytes(16)), base64(1 + random.nextInt(1700)), instant());
    }

    private List<Vector> edgeCases() {
        List<Vector> edges = new ArrayList<>();
        Case base = randomCase();

        edges.add(new Vector("A has its top bit set (PAD(A) gains a zero byte)",
                withA(base, aWhere(base, bigA -> bigA.toByteArray().length == N_BYTES + 1)),
                r -> r.bigA().toByteArray().length == N_BYTES + 1 && r.bigA().toByteArray()[0] == 0));
        edges.add(new Vector("A has a leading zero byte (PAD(A) shorter than N)",
                withA(base, aWhere(base, bigA -> bigA.toByteArray().length < N_BYTES)),
                r -> r.bigA().toByteArray().length < N_BYTES));
        edges.add(new Vector("S has its top bit set (PAD(S) gains a zero byte)",
                withA(base, aWhereS(base, s -> s.toByteArray().length == N_BYTES + 1)),
                r -> r.s().toByteArray().length == N_BYTES + 1));
        edges.add(new Vector("S has a leading zero byte (PAD(S) shorter than N)",
                withA(base, aWhereS(base, s -> s.toByteArray().length < N_BYTES)),
                r -> r.s().toByteArray().length < N_BYTES));
        edges.add(new Vector("u has its top bit set (PAD(u) is 33 bytes)",
                withB(base, bWhereU(base, u -> u.toByteArray().length == 33)), r -> r.u().toByteArray().length == 33));
        edges.add(new Vector("u has a leading zero byte (PAD(u) is 31 bytes or fewer)",
                withB(base, bWhereU(base, u -> u.toByteArray().length <= 31)), r -> r.u().toByteArray().length <= 31));

        edges.add(new Vector("salt with leading zero bytes", withSalt(base, "0000" + HexFormat.of().formatHex(bytes(14)))));
        edges.add(new Vector("salt with its top bit set", withSalt(base, "ff" + HexFormat.of().formatHex(bytes(15)))));
        edges.add(new Vector("salt of odd hex length", withSalt(base, "abc")));
        edges.add(new Vector("salt zero", withSalt(base, "00")));
        edges.add(new Vector("long salt (128 bytes)", withSalt(base, HexFormat.of().formatHex(bytes(128)))));

        BigInteger shortB = new BigInteger(3000, random).setBit(2999);
        edges.add(new Vector("B shorter than N", withB(base, shortB.toString(16))));
        edges.add(new Vector("B sent with leading zero digits", withB(base, "000" + randomB().toString(16))));
        edges.add(new Vector("B in upper-case hex", withB(base, randomB().toString(16).toUpperCase())));
        edges.add(new Vector("B above N (used as sent, not reduced)", withB(base, SrpGroup.N.add(shortB).toString(16))));
        edges.add(new Vector("B = N is refused", withB(base, SrpGroup.N.toString(16)), r -> r.error().isPresent()));
        edges.add(new Vector("B = 2N is refused", withB(base, SrpGroup.N.shiftLeft(1).toString(16)), r -> r.error().isPresent()));
        edges.add(new Vector("B = 0 is refused", withB(base, "0"), r -> r.error().isPresent()));

        edges.add(new Vector("a = 1 (A = g)", withA(base, BigInteger.ONE), r -> r.bigA().equals(SrpGroup.G)));
        edges.add(new Vector("a = 2^1024 - 1 (every bit set)", withA(base, BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE))));
        edges.add(new Vector("a with zero hex digits", withA(base, new BigInteger("1" + "0".repeat(255), 16))));

        edges.add(new Vector("non-ASCII password", withPassword(base, "Pässwörd-漢字-🔑-Ωmega")));
        edges.add(new Vector("long password (256 characters)", withPassword(base, "Aa1!".repeat(64))));
        String userId = uuid();
        edges.add(new Vector("signed in with an email; USER_ID_FOR_SRP and USERNAME are the internal id",
                new Case(base.poolId(), userId, "someone@example.com", userId, base.password(), base.a(), base.srpB(),
                        base.salt(), base.secretBlock(), base.at())));
        edges.add(new Vector("challenge USERNAME differs from USER_ID_FOR_SRP: x and the signature use USER_ID_FOR_SRP",
                new Case(base.poolId(), uuid(), "someone@example.com", "someone@example.com", base.password(), base.a(),
                        base.srpB(), base.salt(), base.secretBlock(), base.at())));
        edges.add(new Vector("user pool in another region, same pool name",
                new Case("ap-southeast-2_" + base.poolId().substring(base.poolId().indexOf('_') + 1), base.userIdForSrp(),
                        base.username(), base.challengeUsername(), base.password(), base.a(), base.srpB(), base.salt(),
                        base.secretBlock(), base.at())));
        edges.add(new Vector("SECRET_BLOCK of one byte", withSecretBlock(base, base64(1))));

        edges.add(new Vector("single-digit day, not padded", at(base, "2017-04-05T22:42:34Z"),
                r -> r.timestamp().equals("Wed Apr 5 22:42:34 UTC 2017")));
        edges.add(new Vector("hour, minute and second below 10", at(base, "2021-01-01T00:00:09.999Z"),
                r -> r.timestamp().equals("Fri Jan 1 00:00:09 UTC 2021")));
        edges.add(new Vector("leap day", at(base, "2024-02-29T13:14:15Z"), r -> r.timestamp().equals("Thu Feb 29 13:14:15 UTC 2024")));
        edges.add(new Vector("last second of a year", at(base, "2030-12-31T23:59:59Z"),
                r -> r.timestamp().equals("Tue Dec 31 23:59:59 UTC 2030")));
        return edges;
    }

    /** An {@code a} whose {@code A} satisfies {@code wanted}. */
    private BigInteger aWhere(Case base, Predicate<BigInteger> wanted) {
        SrpClient client = new SrpClient(base.poolId(), Clock.fixed(base.at(), ZoneOffset.UTC));
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = new BigInteger(SrpClient.SMALL_A_BITS, random);
            if (wanted.test(new BigInteger(client.start(a).srpA(), 16))) return a;
        }
        throw new IllegalStateException("no such a found");
    }

    /** An {@code a} whose {@code S}, with the other inputs of {@code base}, satisfies {@code wanted}. */
    private BigInteger aWhereS(Case base, Predicate<BigInteger> wanted) {
        SrpClient client = new SrpClient(base.poolId(), Clock.fixed(base.at(), ZoneOffset.UTC));
        PasswordVerifierChallenge challenge = new PasswordVerifierChallenge(
                base.srpB(), base.salt(), base.secretBlock(), base.userIdForSrp(), base.challengeUsername());
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = new BigInteger(SrpClient.SMALL_A_BITS, random);
            if (wanted.test(client.compute(client.start(a), challenge, Password.of(base.password())).s())) return a;
        }
        throw new IllegalStateException("no such a found");
    }

    /** A {@code B} (hex) whose {@code u}, with the {@code A} of {@code base}, satisfies {@code wanted}. */
    private String bWhereU(Case base, Predicate<BigInteger> wanted) {
        BigInteger bigA = SrpGroup.G.modPow(base.a(), SrpGroup.N);
        for (int i = 0; i < 200_000; i++) {
            BigInteger bigB = randomB();
            if (wanted.test(new BigInteger(1, Sha256.digest(SrpGroup.pad(bigA), SrpGroup.pad(bigB))))) return bigB.toString(16);
        }
        throw new IllegalStateException("no such B found");
    }

    private BigInteger randomB() {
        BigInteger b = new BigInteger(3072, random).mod(SrpGroup.N);
        return b.signum() == 0 ? BigInteger.ONE : b;
    }

    private String poolId() {
        String[] regions = {"us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1"};
        String alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 9; i++) name.append(alphanumeric.charAt(random.nextInt(alphanumeric.length())));
        return regions[random.nextInt(regions.length)] + "_" + name;
    }

    private String password() {
        String[] exotic = {"é", "ü", "ß", "漢", "Ω", "🔑"};
        StringBuilder p = new StringBuilder();
        int length = 8 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) p.append(exotic[random.nextInt(exotic.length)]);
            else p.append((char) (33 + random.nextInt(94)));
        }
        return p.toString();
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private Instant instant() {
        long from = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2040-12-31T23:59:59Z").toEpochMilli();
        return Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from)));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String base64(int n) {
        return Base64.getEncoder().encodeToString(bytes(n));
    }

    private static Case withA(Case c, BigInteger a) {
        return new Case(c.poolId(), c.userIdForSrp(), c.username(), c.challengeUsername(), c.password(), a, c.srpB(), c.salt(),
                c.secretBlock(), c.at());
    }

    private static Case withB(Case c, String srpB) {
        return new Case(c.poolId(), c.userIdForSrp(), c.username(), c.challengeUsername(), c.password(), c.a(), srpB, c.salt(),
                c.secretBlock(), c.at());
    }

    private static Case withSalt(Case c, String salt) {
        return new Case(c.poolId(), c.userIdForSrp(), c.username(), c.challengeUsername(), c.password(), c.a(), c.srpB(), salt,
                c.secretBlock(), c.at());
    }

    private static Case withPassword(Case c, String password) {
        return new Case(c.poolId(), c.userIdForSrp(), c.username(), c.challengeUsername(), password, c.a(), c.srpB(), c.salt(),
                c.secretBlock(), c.at());
    }

    private static Case withSecretBlock(Case c, String secretBlock) {
        return new Case(c.poolId(), c.userIdForSrp(), c.username(), c.challengeUsername(), c.password(), c.a(), c.srpB(), c.salt(),
                secretBlock, c.at());
    }

    private static Case at(Case c, String instant) {
        return new Case(c.poolId(), c.userIdForSrp(), c.username(), c.challengeUsername(), c.password(), c.a(), c.srpB(), c.salt(),
                c.secretBlock(), Instant.parse(instant));
    }
}
