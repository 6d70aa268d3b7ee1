package dev.userpool.embedded;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.core.port.out.UserDirectory;
import dev.userpool.embedded.AttemptLimits.Action;
import dev.userpool.embedded.OneTimeCodes.Purpose;
import dev.userpool.embedded.UserRows.Account;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts in the {@code users} table, with Cognito's rules: lower-cased unique addresses, a random
 * UUID as {@code sub}, 6-digit codes emailed through whichever {@link Mailer} is wired, and the
 * per-user attempt limits. State transitions are the domain's ({@link User#confirm} and the others): the
 * core applies one and hands it over, and this directory stores the state it leaves, provided the stored
 * account is still the one the transition started from.
 */
public final class SqliteUserDirectory implements UserDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteUserDirectory.class);

    private final EmbeddedDatabase db;
    private final PasswordHasher hasher;
    private final Mailer mailer;
    private final Clock clock;
    private final SrpServer srp;

    /** Without SRP verifiers. */
    public SqliteUserDirectory(EmbeddedDatabase db, PasswordHasher hasher, Mailer mailer, Clock clock) {
        this(db, hasher, mailer, clock, SrpServer.disabled(db, clock));
    }

    /** With SRP on, every account gets the SRP verifier of its password beside the Argon2id hash. */
    public SqliteUserDirectory(EmbeddedDatabase db, PasswordHasher hasher, Mailer mailer, Clock clock, SrpServer srp) {
        this.srp = Objects.requireNonNull(srp, "srp");
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SignUpOutcome signUp(EmailAddress email, Password password, UserAttributes attributes, boolean sendCode) {
        // Refuse a taken address before spending a hash on it; the insert below still guards the race.
        if (find(email).isPresent()) throw UserRows.usernameExists();
        String passwordHash = hasher.hash(password);
        Instant now = now();
        User user = User.signedUp(new UserId(UUID.randomUUID().toString()), email, now, attributes);
        Optional<dev.userpool.srp.SrpVerifier> verifier = srp.verifierFor(user.id(), password);
        Optional<String> code = db.transaction(c -> {
            UserRows.insert(c, user, passwordHash);
            SrpVerifierRows.save(c, user.id(), verifier);
            return sendCode ? Optional.of(OneTimeCodes.issue(c, user.id(), Purpose.SIGN_UP, now)) : Optional.empty();
        });
        if (code.isEmpty()) return new SignUpOutcome(user, Optional.empty());
        try {
            mailer.deliver(EmailTemplates.confirmationCode(email, code.get()));
        } catch (UserPoolException e) {
            // The account exists now; failing sign-up would leave it unreachable behind UsernameExists.
            LOG.warn("Could not deliver the confirmation code to {} ({}); a resend can send a new one",
                    email.masked(), e.code().code());
        }
        return new SignUpOutcome(user, Optional.of(CodeDelivery.email(email)));
    }

    @Override
    public void confirmSignUp(User.Transition confirmation, ConfirmationCode code) {
        Instant now = now();
        // The attempt is counted even when the code is wrong, so the check result leaves the transaction first.
        OneTimeCodes.Check check = db.transaction(c -> {
            UserId id = UserRows.requireUnchanged(c, confirmation.before()).user().id();
            AttemptLimits.take(c, id, Action.CONFIRM_SIGN_UP, now);
            OneTimeCodes.Check result = OneTimeCodes.consume(c, id, Purpose.SIGN_UP, code, now);
            if (result == OneTimeCodes.Check.MATCH) UserRows.saveState(c, confirmation.after());
            return result;
        });
        check.throwIfRefused();
    }

    @Override
    public CodeDelivery resendConfirmationCode(EmailAddress email) {
        Instant now = now();
        String code = db.transaction(c -> {
            User user = UserRows.require(c, email).user();
            if (user.status() != UserStatus.UNCONFIRMED) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "User is already confirmed.");
            }
            AttemptLimits.take(c, user.id(), Action.RESEND_CONFIRMATION_CODE, now);
            return OneTimeCodes.issue(c, user.id(), Purpose.SIGN_UP, now);
        });
        mailer.deliver(EmailTemplates.confirmationCode(email, code));
        return CodeDelivery.email(email);
    }

    /**
     * Writes the state the change leaves, in one transaction with what goes with it: a confirmed
     * account's sign-up code is void, and a disabled account keeps no session (as Cognito's
     * AdminDisableUser revokes the user's tokens).
     */
    @Override
    public void save(User.Transition change) {
        User before = change.before();
        User after = change.after();
        db.transaction(c -> {
            UserRows.requireUnchanged(c, before);
            UserRows.saveState(c, after, !before.attributes().equals(after.attributes()));
            if (before.status() == UserStatus.UNCONFIRMED && after.status() == UserStatus.CONFIRMED) {
                OneTimeCodes.discard(c, after.id(), Purpose.SIGN_UP);
            }
            if (!after.enabled()) Sessions.endAll(c, after.id());
            return null;
        });
    }

    @Override
    public Optional<User> find(EmailAddress email) {
        Objects.requireNonNull(email, "email");
        return db.read(c -> UserRows.byEmail(c, email).map(Account::user));
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return db.read(c -> UserRows.byId(c, id).map(Account::user));
    }

    /** Ordered by address; the cursor is the last address shown. */
    @Override
    public Page<User> list(UserFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        StringBuilder sql = new StringBuilder("SELECT " + UserRows.SELECTED + " FROM users WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            args.add(s.name());
        });
        filter.emailVerified().ifPresent(v -> {
            sql.append(" AND email_verified = ?");
            args.add(v ? 1 : 0);
        });
        filter.emailPrefix().map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).ifPresent(p -> {
            // substr rather than LIKE: no wildcard in the prefix can widen the match.
            sql.append(" AND substr(email, 1, ?) = ?");
            args.add(p.length());
            args.add(p);
        });
        filter.attribute().ifPresent(a -> attributeCondition(a, sql, args));
        page.cursor().ifPresent(cursor -> {
            sql.append(" AND email > ?");
            args.add(PageCursor.decode(cursor, 1).get(0));
        });
        sql.append(" ORDER BY email LIMIT ?");
        args.add(page.limit() + 1);
        List<User> users = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
                List<User> found = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) found.add(UserRows.read(rs));
                }
                return found;
            }
        });
        if (users.size() <= page.limit()) return new Page<>(users, Optional.empty());
        List<User> shown = users.subList(0, page.limit());
        return new Page<>(shown, Optional.of(PageCursor.encode(shown.get(shown.size() - 1).email().value())));
    }

    /**
     * The accounts whose attribute matches, through the index on (name, value): a prefix is a range of
     * values from the prefix to the prefix followed by the last code point, with substr (not LIKE, whose
     * wildcards could widen it) deciding each one.
     */
    private static void attributeCondition(UserFilter.AttributeCondition a, StringBuilder sql, List<Object> args) {
        if (a.prefix()) {
            sql.append(" AND id IN (SELECT user_id FROM user_attributes WHERE name = ? AND value >= ? AND value < ?"
                    + " AND substr(value, 1, ?) = ?)");
            args.add(a.name());
            args.add(a.value());
            args.add(a.value() + "\uDBFF\uDFFF\uDBFF\uDFFF");
            args.add(a.value().codePointCount(0, a.value().length()));   // substr counts characters
            args.add(a.value());
        } else {
            sql.append(" AND id IN (SELECT user_id FROM user_attributes WHERE name = ? AND value = ?)");
            args.add(a.name());
            args.add(a.value());
        }
    }

    @Override
    public List<AttributeDefinition> customAttributes() {
        return db.read(CustomAttributeRows::all);
    }

    @Override
    public void addCustomAttributes(List<AttributeDefinition> added) {
        Objects.requireNonNull(added, "added");
        db.transaction(c -> {
            CustomAttributeRows.add(c, added);
            return null;
        });
    }

    /** Codes, limits, lockout and sessions go with the account (foreign keys cascade). */
    @Override
    public void delete(EmailAddress email) {
        db.transaction(c -> {
            User user = UserRows.require(c, email).user();
            try (PreparedStatement p = c.prepareStatement("DELETE FROM users WHERE id = ?")) {
                p.setString(1, user.id().value());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Millisecond precision, as stored, so what sign-up returns equals what {@link #find} reads back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
