package dev.userpool.embedded;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.embedded.OneTimeCodes.Purpose;
import dev.userpool.srp.SrpVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An administrator's accounts and passwords in the {@code users} table: invited accounts with their
 * temporary password and its expiry ({@link TemporaryPasswordRows}), passwords set by an operator, and
 * resets that end every session and mail a reset code. Each write is one transaction, and refuses a
 * change whose {@code before} is no longer the stored account, as {@link SqliteUserDirectory#save} does.
 * Passwords are hashed outside transactions (with their SRP verifier when SRP is on).
 */
public final class SqliteAccountProvisioner implements AccountProvisioner {
    private final EmbeddedDatabase db;
    private final PasswordHasher hasher;
    private final Mailer mailer;
    private final Clock clock;
    private final SrpServer srp;

    public SqliteAccountProvisioner(EmbeddedDatabase db, PasswordHasher hasher, Mailer mailer, Clock clock, SrpServer srp) {
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.srp = Objects.requireNonNull(srp, "srp");
    }

    /** The account with its attributes (as the core checked them against the pool's schema), in one transaction. */
    @Override
    public User create(EmailAddress email, boolean emailVerified, UserAttributes attributes, Password temporaryPassword,
                       Instant expiresAt) {
        // Refuse a taken address before spending a hash on it; the insert still guards the race.
        if (db.read(c -> UserRows.byEmail(c, email)).isPresent()) throw UserRows.usernameExists();
        String hash = hasher.hash(temporaryPassword);
        User user = User.invited(new UserId(UUID.randomUUID().toString()), email, emailVerified,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), attributes);
        Optional<SrpVerifier> verifier = srp.verifierFor(user.id(), temporaryPassword);
        db.transaction(c -> {
            UserRows.insert(c, user, hash);
            SrpVerifierRows.save(c, user.id(), verifier);
            TemporaryPasswordRows.save(c, user.id(), Optional.of(expiresAt));
            return null;
        });
        return user;
    }

    /**
     * The open NEW_PASSWORD_REQUIRED challenges end with the password they were opened for; sessions go
     * on, as Cognito's AdminSetUserPassword leaves the user's tokens valid.
     */
    @Override
    public void setPassword(User.Transition change, Password password, Optional<Instant> temporaryUntil) {
        UserId id = change.before().id();
        String hash = hasher.hash(password);
        Optional<SrpVerifier> verifier = srp.verifierFor(id, password);
        db.transaction(c -> {
            UserRows.requireUnchanged(c, change.before());
            UserRows.saveState(c, change.after());
            UserRows.savePasswordHash(c, id, hash);
            SrpVerifierRows.save(c, id, verifier);
            TemporaryPasswordRows.save(c, id, temporaryUntil);
            NewPasswordSessions.endAll(c, id);
            SignInLockout.clear(c, id);
            return null;
        });
    }

    /**
     * RESET_REQUIRED, every session ended (a reset is what an operator does when a password may be
     * known to someone else), and a reset code mailed once the transaction committed.
     */
    @Override
    public CodeDelivery requireReset(User.Transition reset) {
        UserId id = reset.before().id();
        Instant now = clock.instant();
        String code = db.transaction(c -> {
            UserRows.requireUnchanged(c, reset.before());
            UserRows.saveState(c, reset.after());
            Sessions.endAll(c, id);
            NewPasswordSessions.endAll(c, id);
            return OneTimeCodes.issue(c, id, Purpose.PASSWORD_RESET, now);
        });
        // Undeliverable, the failure reaches the operator; the account waits for its reset, and
        // ForgotPassword sends its holder a new code.
        EmailAddress to = reset.after().email();
        mailer.deliver(EmailTemplates.passwordResetCode(to, code));
        return CodeDelivery.email(to);
    }
}
