package dev.userpool.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SrpVerifierTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void xIsWhatTheJavaScriptClientDerives() {
        // pinned from amazon-cognito-identity-js 6.3.21 (adapters-cognito/src/test/srp-reference), see SrpServerSessionTest
        assertThat(SrpPrivateKey.x(ReferenceVector.POOL_NAME, ReferenceVector.USER_ID, ReferenceVector.PASSWORD,
                new BigInteger(ReferenceVector.SALT, 16)).toString(16)).isEqualTo(ReferenceVector.X);
    }

    @Test
    void theVerifierIsGToTheX() {
        SrpVerifier v = SrpVerifier.withSalt(ReferenceVector.POOL_NAME, ReferenceVector.USER_ID, ReferenceVector.PASSWORD,
                ReferenceVector.SALT);
        assertThat(v.verifier()).isEqualTo(SrpGroup.G.modPow(new BigInteger(ReferenceVector.X, 16), SrpGroup.N));
        assertThat(v.saltHex()).isEqualTo(ReferenceVector.SALT);
    }

    @Test
    void matchesOnlyTheSamePasswordUserAndPool() {
        SrpVerifier v = SrpVerifier.create("Userpool1", "user-1", "Correct-Horse-9!", random);

        assertThat(v.matches("Correct-Horse-9!")).isTrue();
        assertThat(v.matches("Correct-Horse-9?")).isFalse();
        assertThat(new SrpVerifier("Userpool2", "user-1", v.saltHex(), v.verifier()).matches("Correct-Horse-9!")).isFalse();
        assertThat(new SrpVerifier("Userpool1", "user-2", v.saltHex(), v.verifier()).matches("Correct-Horse-9!")).isFalse();
    }

    @Test
    void saltsAreRandomSixteenBytesKeptWithLeadingZeros() {
        SrpVerifier first = SrpVerifier.create("Userpool1", "user-1", "Correct-Horse-9!", random);
        SrpVerifier second = SrpVerifier.create("Userpool1", "user-1", "Correct-Horse-9!", random);

        assertThat(first.saltHex()).hasSize(32).matches("[0-9a-f]+").isNotEqualTo(second.saltHex());
        assertThat(first.verifier()).isNotEqualTo(second.verifier());
    }

    @Test
    void refusesValuesThatCannotBeAVerifier() {
        assertThatThrownBy(() -> new SrpVerifier("P", "u", "xyz", BigInteger.TWO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrpVerifier("P", "u", "ab", BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrpVerifier("P", "u", "ab", SrpGroup.N)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheVerifierOrSalt() {
        SrpVerifier v = SrpVerifier.create("Userpool1", "user-1", "Correct-Horse-9!", random);
        assertThat(v.toString()).doesNotContain(v.saltHex()).doesNotContain(v.verifierHex());
    }

    @Test
    void poolNameIsThePartAfterTheUnderscore() {
        assertThat(SrpPrivateKey.poolName("local_Userpool1")).isEqualTo("Userpool1");
        assertThat(SrpPrivateKey.poolName("eu-west-1_AbCdEf123")).isEqualTo("AbCdEf123");
        assertThatThrownBy(() -> SrpPrivateKey.poolName("Userpool1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrpPrivateKey.poolName("local_")).isInstanceOf(IllegalArgumentException.class);
    }
}
