package dev.userpool.core.port.out;

import dev.userpool.core.domain.AuthorizationGrant;
import java.util.Optional;

/**
 * The authorization codes the pool issued and not yet exchanged. A code is a random secret of which
 * only a digest is stored; {@link #take} removes it whatever happens next, so a code is exchanged at
 * most once even by two requests at the same time.
 */
public interface AuthorizationCodes {

    /** Stores a new code for {@code grant} and answers the code (its only appearance in clear). */
    String issue(AuthorizationGrant grant);

    /**
     * The grant of {@code code}, removed by this call: a second take of the same code is empty. Expiry is
     * the caller's to judge ({@link AuthorizationGrant#expiresAt()}); an expired code is removed too.
     */
    Optional<AuthorizationGrant> take(String code);
}
