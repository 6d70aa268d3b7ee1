package dev.userpool.embedded;

import dev.userpool.core.domain.GroupRank;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.FactorSignIn;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions for a factor other than the password (an emailed code), under the password's lockout
 * ({@link SignInLockout}): the same table counts wrong codes and wrong passwords, and a locked account is
 * refused whichever it tries. The session is the one a password sign-in opens (same tokens, same sign-out).
 */
public final class SqliteFactorSignIn implements FactorSignIn {
    private final EmbeddedDatabase db;
    private final SqliteAuthenticator sessions;
    private final Clock clock;

    /** @param sessions opens the session of an account that proved itself, for the app client it is bound to */
    public SqliteFactorSignIn(EmbeddedDatabase db, SqliteAuthenticator sessions, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean locked(UserId account) {
        Instant now = clock.instant();
        return db.transaction(c -> SignInLockout.refusesAttempt(c, account, now));
    }

    @Override
    public void countFailure(UserId account) {
        Instant now = clock.instant();
        db.transaction(c -> SignInLockout.recordFailure(c, account, now));
    }

    /** The session a passkey opens too: one transaction, the lockout cleared, the account's client's tokens. */
    @Override
    public SignedIn signIn(UserId account) {
        return sessions.signInWithPasskey(account);
    }

    @Override
    public FactorSignIn forClient(String clientId) {
        return new SqliteFactorSignIn(db, sessions.forClient(clientId), clock);
    }
}
