package dev.userpool.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sessions the AWS CLI can be handed as {@code --session VALUE}: never a leading dash, still 255 random bits. */
class ChallengeSessionsTest {
    @Test
    void noSessionStartsWithADashOrAnUnderscoreAndEachIsNew() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String session = ChallengeSessions.newSession(random);
            assertThat(session).hasSize(43).matches("[A-Za-f][A-Za-z0-9_-]{42}");
            assertThat(Base64.getUrlDecoder().decode(session)).hasSize(32);
            assertThat(seen.add(session)).isTrue();
        }
    }
}
