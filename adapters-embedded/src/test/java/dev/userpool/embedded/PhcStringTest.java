package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PhcStringTest {

    @Test
    void formatsAndParsesBackTheSameParts() {
        byte[] salt = "0123456789abcdef".getBytes();
        byte[] hash = new byte[32];
        hash[0] = (byte) 0xfb;   // a byte whose base64 needs '+' or '/' in the standard alphabet
        PhcString phc = new PhcString(new Argon2Parameters(19456, 2, 1), salt, hash);

        String text = phc.format();
        PhcString back = PhcString.parse(text).orElseThrow();

        assertThat(text).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("=$").doesNotEndWith("=");
        assertThat(text.split("\\$")[4]).isEqualTo(Base64.getEncoder().withoutPadding().encodeToString(salt));
        assertThat(back.parameters()).isEqualTo(phc.parameters());
        assertThat(back.salt()).isEqualTo(salt);
        assertThat(back.hash()).isEqualTo(hash);
    }

    @Test
    void refusesOtherVariantsVersionsAndDamagedStrings() {
        assertThat(PhcString.parse(null)).isEmpty();
        assertThat(PhcString.parse("$argon2d$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isEmpty();
        assertThat(PhcString.parse("$argon2id$v=19$m=64,t=1,p=1,x=2$c2FsdHNhbHQ$aGFzaGhhc2g")).isEmpty();
        assertThat(PhcString.parse("$argon2id$v=19$m=4,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isEmpty();
        assertThat(PhcString.parse("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ")).isEmpty();
        assertThat(PhcString.parse("$argon2id$v=19$m=64,t=1,p=1$c2Fs$aGFzaGhhc2g")).isEmpty();
    }
}
