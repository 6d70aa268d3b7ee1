package dev.userpool.core.testing;

import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.VerifiedToken.TokenUse;
import dev.userpool.core.port.out.FactorSignIn;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link FactorSignIn} over the in-memory directory: tokens from the {@link FakeTokenVerifier} (their
 * refresh token is not one {@link InMemoryAuthenticator} refreshes), and a plain lockout: locked from the
 * {@value #LOCK_AFTER}th consecutive failure until a sign-in.
 */
public final class InMemoryFactorSignIn implements FactorSignIn {
    public static final int LOCK_AFTER = 5;

    private final InMemoryUserDirectory directory;
    private final FakeTokenVerifier tokens;
    private final Map<UserId, Integer> failures = new ConcurrentHashMap<>();

    public InMemoryFactorSignIn(InMemoryUserDirectory directory, FakeTokenVerifier tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    @Override
    public boolean locked(UserId account) {
        return failures.getOrDefault(account, 0) >= LOCK_AFTER;
    }

    @Override
    public void countFailure(UserId account) {
        failures.merge(account, 1, Integer::sum);
    }

    @Override
    public SignedIn signIn(UserId account) {
        User user = directory.findById(account).orElseThrow(UserPoolException::userNotFound);
        user.ensureCanSignIn();
        failures.remove(account);
        String id = tokens.issue(user.id(), TokenUse.ID, Optional.of(user.email()), Set.of());
        String access = tokens.issue(user.id(), TokenUse.ACCESS, Optional.empty(), Set.of());
        return new SignedIn(Principal.of(user), new Tokens(id, access, Optional.of("fake-factor-refresh." + java.util.UUID.randomUUID()),
                FakeTokenVerifier.LIFETIME));
    }

    public int failuresOf(UserId account) {
        return failures.getOrDefault(account, 0);
    }
}
