package dev.userpool.cognito.srp;

import dev.userpool.srp.SrpGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fixed-base table gives exactly {@code BigInteger.modPow}'s answers, at every exponent size and digit pattern. */
class FixedBasePowersTest {
    private static final FixedBasePowers G_1024 = new FixedBasePowers(SrpGroup.G, SrpGroup.N, 1024);
    private final Random random = new Random(4711);

    @Test
    void agreesWithModPowOnTheSrpGroup() {
        List<BigInteger> exponents = new ArrayList<>(List.of(
                BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(15), BigInteger.valueOf(16),
                BigInteger.valueOf(255), BigInteger.valueOf(256),
                BigInteger.ONE.shiftLeft(1023),                                  // one digit, in the last row
                BigInteger.ONE.shiftLeft(1024).subtract(BigInteger.ONE),         // every digit 15: the table's whole reach
                new BigInteger("f0".repeat(128), 16),                            // zero digits between full ones
                SrpGroup.N.subtract(BigInteger.ONE),                              // longer than the table: falls back to modPow
                BigInteger.ONE.shiftLeft(1024)));                                // one bit too long: falls back too
        for (int bits = 1; bits <= 1024; bits += 7) exponents.add(new BigInteger(bits, random));
        for (int i = 0; i < 40; i++) exponents.add(new BigInteger(256, random));

        for (BigInteger e : exponents) {
            assertThat(G_1024.pow(e)).as("2^%s mod N", e.toString(16)).isEqualTo(SrpGroup.G.modPow(e, SrpGroup.N));
        }
    }

    @Test
    void agreesWithModPowOnASmallGroupWhereReductionsWrapOften() {
        BigInteger modulus = BigInteger.valueOf(1_000_003);
        BigInteger base = BigInteger.valueOf(1_000_001); // larger than most products' quotient estimate
        FixedBasePowers powers = new FixedBasePowers(base, modulus, 64);
        for (int i = 0; i < 2_000; i++) {
            BigInteger e = new BigInteger(1 + random.nextInt(70), random);
            assertThat(powers.pow(e)).as("exponent %s", e).isEqualTo(base.modPow(e, modulus));
        }
        assertThat(new FixedBasePowers(BigInteger.TWO, BigInteger.ONE, 8).pow(BigInteger.ZERO)).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void refusesNegativeExponentsAndEvenModuli() {
        assertThatThrownBy(() -> G_1024.pow(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedBasePowers(BigInteger.TWO, BigInteger.valueOf(1024), 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedBasePowers(BigInteger.TWO, SrpGroup.N, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
