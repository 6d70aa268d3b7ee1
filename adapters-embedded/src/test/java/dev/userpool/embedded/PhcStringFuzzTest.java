package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A stored hash's PHC string: any text parses to the parts of an Argon2id v19 hash or to nothing, never an exception. */
class PhcStringFuzzTest {
    @FuzzTest
    void phcString(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Optional<PhcString> phc = PhcString.parse(text);
        phc.ifPresent(p -> {
            PhcString again = PhcString.parse(p.format()).orElseThrow();
            assertThat(again.parameters()).isEqualTo(p.parameters());
            assertThat(again.salt()).isEqualTo(p.salt());
            assertThat(again.hash()).isEqualTo(p.hash());
        });
    }
}
