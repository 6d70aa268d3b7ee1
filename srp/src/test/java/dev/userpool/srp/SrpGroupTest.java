package dev.userpool.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SrpGroupTest {

    @Test
    void nIsTheRfc3526Prime() {
        String hex = SrpGroup.N.toString(16).toUpperCase();
        assertThat(SrpGroup.N.bitLength()).isEqualTo(3072);
        assertThat(hex).startsWith("FFFFFFFFFFFFFFFFC90FDAA2").endsWith("A93AD2CAFFFFFFFFFFFFFFFF");
        assertThat(SrpGroup.N.isProbablePrime(64)).isTrue();
        assertThat(SrpGroup.G).isEqualTo(BigInteger.TWO);
    }

    @Test
    void kIsTheHashOfPaddedNAndG() {
        // N's top bit is set, so PAD(N) is 385 bytes with a leading zero; PAD(2) is one byte
        byte[] paddedN = SrpGroup.pad(SrpGroup.N);
        assertThat(paddedN).hasSize(385);
        assertThat(paddedN[0]).isZero();
        assertThat(SrpGroup.K).isEqualTo(new BigInteger(1, Sha256.digest(paddedN, new byte[] {2})));
    }

    @Test
    void padIsJavasTwosComplementBytes() {
        assertThat(SrpGroup.pad(BigInteger.valueOf(0x7f))).containsExactly(0x7f);
        assertThat(SrpGroup.pad(BigInteger.valueOf(0x80))).containsExactly(0x00, 0x80);
        assertThat(SrpGroup.pad(BigInteger.ZERO)).containsExactly(0x00);
        assertThatThrownBy(() -> SrpGroup.pad(BigInteger.ONE.negate())).isInstanceOf(IllegalArgumentException.class);
    }
}
