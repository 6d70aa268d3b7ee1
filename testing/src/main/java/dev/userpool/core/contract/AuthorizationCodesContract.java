package dev.userpool.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AuthorizationGrant;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.AuthorizationCodes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** What every {@link AuthorizationCodes} store does (issue 15): a code stands for its grant, once. */
public abstract class AuthorizationCodesContract {

    protected abstract AuthorizationCodes codes();

    /** An account the codes may name (a store may hold codes only for accounts that exist). */
    protected abstract UserId existingUser();

    private AuthorizationGrant grant() {
        return new AuthorizationGrant(existingUser(), "client-a", "https://rp.example/callback", Set.of("openid", "email"),
                Optional.of("nonce-1"), Optional.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:05:00Z"));
    }

    @Test
    void aCodeAnswersItsGrantOnce() {
        AuthorizationGrant grant = grant();
        String code = codes().issue(grant);
        assertThat(codes().take(code)).hasValue(grant);
        assertThat(codes().take(code)).isEmpty();
    }

    @Test
    void codesAreLongRandomAndDistinct() {
        String one = codes().issue(grant());
        String two = codes().issue(grant());
        assertThat(one).isNotEqualTo(two).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void anUnknownCodeIsEmpty() {
        assertThat(codes().take("no-such-code")).isEmpty();
        assertThat(codes().take("")).isEmpty();
    }

    @Test
    void twoTakesAtOnceGetTheGrantOnce() throws Exception {
        String code = codes().issue(grant());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Optional<AuthorizationGrant>>> takes = List.of(
                    CompletableFuture.supplyAsync(() -> codes().take(code), pool), CompletableFuture.supplyAsync(() -> codes().take(code), pool),
                    CompletableFuture.supplyAsync(() -> codes().take(code), pool), CompletableFuture.supplyAsync(() -> codes().take(code), pool));
            assertThat(takes.stream().map(CompletableFuture::join).filter(Optional::isPresent)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
