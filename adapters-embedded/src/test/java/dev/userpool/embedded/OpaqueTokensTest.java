package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Refresh tokens and sessions the AWS CLI can be handed as separate arguments: never a leading dash. */
class OpaqueTokensTest {
    @Test
    void noTokenStartsWithADashOrAnUnderscoreAndEachIsNew() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String token = OpaqueTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-f][A-Za-z0-9_-]{42}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
    }
}
