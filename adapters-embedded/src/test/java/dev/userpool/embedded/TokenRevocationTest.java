package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.testing.DirectoryTransitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier answers "is this session still active" from memory, yet refuses a token as soon as its
 * session ends, whether this process ended it or another process on the same file did ({@code here}
 * and {@code there} are two databases on one file, as two app processes sharing a data directory are).
 * Each token is verified once before its session ends, so the verifier has it in memory as active.
 */
class TokenRevocationTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed here;
    private EmbeddedTestbed there;
    private final EmailAddress email = new EmailAddress("revoke@example.com");
    private Tokens tokens;

    @BeforeEach
    void open() {
        here = EmbeddedTestbed.open(dir);
        there = new EmbeddedTestbed(dir.resolve("userpool.db"), here.settings, here.clock, here.hasher);
        tokens = here.signedIn(email);
        assertThat(here.verifier.verify(tokens.accessToken()).use()).isEqualTo(TokenUse.ACCESS);
        assertThat(there.verifier.verify(tokens.accessToken()).use()).isEqualTo(TokenUse.ACCESS);
    }

    @AfterEach
    void close() {
        there.close();
        here.close();
    }

    private static void revoked(EmbeddedTokenVerifier verifier, String token) {
        var e = assertRefused(() -> verifier.verify(token), ErrorCode.NOT_AUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("Token has been revoked.");
    }

    @Test
    void aSessionEndedInThisProcessIsRefusedAtOnce() {
        here.authenticator.globalSignOut(tokens.accessToken());

        revoked(here.verifier, tokens.accessToken());
        revoked(here.verifier, tokens.idToken());
    }

    @Test
    void aSessionEndedByAnotherProcessIsRefusedOnTheNextCheck() {
        there.authenticator.revokeRefreshToken(tokens.refreshToken().orElseThrow());

        revoked(here.verifier, tokens.accessToken());
        revoked(here.verifier, tokens.idToken());
    }

    @Test
    void everyWayASessionEndsElsewhereIsSeen() {
        Tokens second = here.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        here.verifier.verify(second.accessToken());

        DirectoryTransitions.disable(there.directory, email);
        revoked(here.verifier, tokens.accessToken());
        revoked(here.verifier, second.accessToken());

        DirectoryTransitions.enable(there.directory, email);
        Tokens third = here.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        here.verifier.verify(third.idToken());
        there.directory.delete(email);   // its sessions go by the foreign key's cascade
        revoked(here.verifier, third.idToken());
    }

    @Test
    void aNewPasswordEndsTheOtherSessionsButNotTheCallers() {
        Tokens other = here.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        here.verifier.verify(other.accessToken());

        there.authenticator.changePassword(tokens.accessToken(), EmbeddedTestbed.PASSWORD, Password.of("Battery-Staple-7"));

        assertThat(here.verifier.verify(tokens.accessToken()).use()).isEqualTo(TokenUse.ACCESS);
        revoked(here.verifier, other.accessToken());
    }

    @Test
    void aVerifierStartedAfterTheEndRefusesToo() {
        here.authenticator.globalSignOut(tokens.accessToken());

        revoked(new EmbeddedTokenVerifier(there.db, there.keys, there.settings, there.clock), tokens.accessToken());
    }

    @Test
    void underConcurrentChecksAnEndIsSeenByEveryCheckThatStartsAfterIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean endReturned = new AtomicBoolean();
        List<Future<Integer>> checkers = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                checkers.add(pool.submit(() -> {
                    int acceptedAfterEnd = 0;
                    for (int i = 0; i < 500; i++) {
                        boolean ended = endReturned.get();
                        try {
                            here.verifier.verify(tokens.accessToken());
                            if (ended) acceptedAfterEnd++;
                        } catch (UserPoolException refused) {
                            assertThat(refused.getMessage()).isEqualTo("Token has been revoked.");
                        }
                    }
                    return acceptedAfterEnd;
                }));
            }
            Thread.sleep(20);
            there.authenticator.globalSignOut(tokens.accessToken());
            endReturned.set(true);

            for (var checker : checkers) assertThat(checker.get()).isZero();
        } finally {
            pool.shutdownNow();
        }
        revoked(here.verifier, tokens.accessToken());
    }

    @Test
    void checkingAnActiveSessionAgainReadsNoTable() {
        long before = here.verifier.sessionTableReads();

        for (int i = 0; i < 20; i++) {
            here.verifier.verify(tokens.accessToken());
            here.verifier.verify(tokens.idToken());
        }

        assertThat(here.verifier.sessionTableReads()).isEqualTo(before);
    }

    @Test
    void aRevokedTokenIsRefusedFromMemoryOnceSeen() {
        there.authenticator.globalSignOut(tokens.accessToken());
        revoked(here.verifier, tokens.accessToken());
        long before = here.verifier.sessionTableReads();

        revoked(here.verifier, tokens.accessToken());
        revoked(here.verifier, tokens.idToken());

        assertThat(here.verifier.sessionTableReads()).isEqualTo(before);
    }

    @Test
    void whenEndsWerePrunedUnreadTheVerifierReadsItsSessionsAgain() {
        there.authenticator.globalSignOut(tokens.accessToken());
        // As if so many sessions had ended since that this one's entry was pruned before it was read:
        there.db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM session_ends"));
        Tokens later = there.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        there.authenticator.globalSignOut(later.accessToken());   // a newer entry, past the gap

        revoked(here.verifier, tokens.accessToken());
    }

    @Test
    void theLogKeepsOnlyTheNewestEnds() {
        int ends = 10_050;
        here.db.transaction(c -> {
            try (var insert = c.prepareStatement("INSERT INTO session_ends (session_id) VALUES (?)")) {
                for (int i = 0; i < ends; i++) {
                    insert.setString(1, "old-" + i);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        here.authenticator.globalSignOut(tokens.accessToken());   // the trigger prunes as it logs

        long kept = here.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM session_ends")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(kept).isEqualTo(10_000);
        revoked(here.verifier, tokens.accessToken());
        revoked(there.verifier, tokens.accessToken());
    }
}
