package dev.userpool.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeTokenVerifierTest {
    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final FakeTokenVerifier verifier = new FakeTokenVerifier(clock);
    private final UserId user = new UserId("u-1");

    private void assertRefused(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(UserPoolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));
    }

    @Test
    void verifiesWhatItIssuedForOneHour() {
        String token = verifier.issue(user, TokenUse.ACCESS, Optional.empty(), Set.of("admins"));
        clock.advance(Duration.ofMinutes(59));

        VerifiedToken verified = verifier.verify(token);

        assertThat(verified.userId()).isEqualTo(user);
        assertThat(verified.use()).isEqualTo(TokenUse.ACCESS);
        assertThat(verified.groups()).containsExactly("admins");
        assertThat(verified.expiresAt()).isEqualTo(verified.issuedAt().plus(FakeTokenVerifier.LIFETIME));
        clock.advance(Duration.ofMinutes(1));
        assertRefused(token);
    }

    @Test
    void refusesWhatItDidNotIssueAndWhatWasRevoked() {
        String token = verifier.issue(user, TokenUse.ID, Optional.empty(), Set.of());
        String other = verifier.issue(new UserId("u-2"), TokenUse.ID, Optional.empty(), Set.of());
        assertRefused(null);
        assertRefused("made-up");
        verifier.revokeAll(user);
        assertRefused(token);
        assertThat(verifier.verify(other).userId()).isEqualTo(new UserId("u-2"));
    }
}
