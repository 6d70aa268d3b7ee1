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
    private final EmbeddedSettings settings;
    private final TokenIssuer issuer;
    private final Clock clock;

    public SqliteFactorSignIn(EmbeddedDatabase db, SigningKeys keys, EmbeddedSettings settings, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.issuer = new TokenIssuer(keys, settings);
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

    @Override
    public SignedIn signIn(UserId account) {
        Instant now = clock.instant();
        String refreshToken = OpaqueTokens.newToken();
        record Opened(User user, Optional<Sessions.Session> session, List<GroupRank> groups) {}
        Opened opened = db.transaction(c -> {
            User user = UserRows.byId(c, account).orElseThrow(UserPoolException::userNotFound).user();
            if (!user.canSignIn()) return new Opened(user, Optional.empty(), List.of());
            SignInLockout.clear(c, account);
            Sessions.purgeExpired(c, account, now, settings.longestTokenTtl());
            return new Opened(user, Optional.of(Sessions.open(c, account, refreshToken, now, settings.refreshTokenTtl())),
                    GroupRows.tokenGroups(c, account));
        });
        if (opened.session().isEmpty()) {
            opened.user().ensureCanSignIn();
            throw UserPoolException.notAuthorized("User cannot sign in with a code now.");   // FORCE_CHANGE_PASSWORD
        }
        Tokens tokens = issuer.issue(opened.user(), opened.groups(), opened.session().get(), now, Optional.of(refreshToken));
        return new SignedIn(Principal.of(opened.user()), tokens);
    }
}
