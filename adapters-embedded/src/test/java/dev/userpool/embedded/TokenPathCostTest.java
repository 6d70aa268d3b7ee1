package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hot token paths cost the one database every request shares, in round trips on its
 * connection and in write transactions (each takes SQLite's write lock for every process on the file).
 * The audit event of each outcome is the core's, through the AuditLog, and not counted here.
 */
class TokenPathCostTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private final EmailAddress email = new EmailAddress("cost@example.com");

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        bed.confirmedUser(email);
        bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD);   // the SRP verifier is stored: steady state
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private record Cost(long roundTrips, long transactions) {}

    private Cost costOf(Runnable work) {
        long trips = bed.db.roundTrips();
        long writes = bed.db.transactions();
        work.run();
        return new Cost(bed.db.roundTrips() - trips, bed.db.transactions() - writes);
    }

    @Test
    void aPasswordSignInWritesOnce() {
        // the account, the lockout's admission, then lockout reset and session together
        assertThat(costOf(() -> bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD))).isEqualTo(new Cost(3, 1));
    }

    @Test
    void aWrongPasswordWritesOnce() {
        Cost cost = costOf(() -> assertRefused(() -> bed.authenticator.signIn(email, Password.of("Wrong-Horse-9")),
                ErrorCode.NOT_AUTHORIZED));

        assertThat(cost).isEqualTo(new Cost(3, 1));
    }

    @Test
    void aRefreshReadsOnceAndWritesNothing() {
        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        assertThat(costOf(() -> bed.authenticator.refresh(tokens.refreshToken().orElseThrow()))).isEqualTo(new Cost(1, 0));
    }

    @Test
    void verifyingATokenTakesNothingFromTheSharedConnection() {
        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        Cost cost = costOf(() -> {
            bed.verifier.verify(tokens.accessToken());
            bed.verifier.verify(tokens.idToken());
        });

        assertThat(cost).isEqualTo(new Cost(0, 0));
    }
}
