package dev.userpool.embedded;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.embedded.AttemptLimits.Action;
import dev.userpool.embedded.OneTimeCodes.Purpose;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Address changes that wait for proof, in {@code pending_email_changes}: the account keeps its address
 * in {@code users} (its sign-in name, still verified) until the code sent to the new one is proven. The
 * code is one of {@link OneTimeCodes} ({@code VERIFY_EMAIL}: 24 hours, one live code per account, used
 * once) under {@link AttemptLimits} (5 codes and 15 checks an hour per account). The access token is not
 * needed: the core has read the account from it. Sessions stay: tokens issued before keep working, and a
 * refresh issues ID tokens with the new address.
 */
public final class SqliteEmailChanges implements EmailChanges {
    private final EmbeddedDatabase db;
    private final Mailer mailer;
    private final Clock clock;

    public SqliteEmailChanges(EmbeddedDatabase db, Mailer mailer, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Send(EmailAddress to, String code) {
        @Override
        public String toString() {
            return "Send[to=" + to.masked() + ", code=******]";
        }
    }

    /** What a check of a code came to, out of its transaction, so that the attempt it counts is kept. */
    private sealed interface Checked {
        record Refused(OneTimeCodes.Check check) implements Checked {}

        /** The code was right but its address is another account's now: the change is dropped. */
        record Taken() implements Checked {}

        record Done(User after) implements Checked {}
    }

    @Override
    public CodeDelivery request(User account, EmailAddress newEmail, String accessToken) {
        Objects.requireNonNull(newEmail, "newEmail");
        Instant now = now();
        String code = db.transaction(c -> {
            UserId id = stored(c, account).id();
            AttemptLimits.take(c, id, Action.SEND_EMAIL_CODE, now);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR REPLACE INTO pending_email_changes (user_id, email, requested_at) VALUES (?, ?, ?)")) {
                p.setString(1, id.value());
                p.setString(2, newEmail.value());
                p.setLong(3, now.toEpochMilli());
                p.executeUpdate();
            }
            return OneTimeCodes.issue(c, id, Purpose.VERIFY_EMAIL, now);
        });
        // Failing delivery leaves the change pending; asking again (or a resend) sends a new code.
        mailer.deliver(EmailTemplates.emailChangeCode(newEmail, code));
        return CodeDelivery.email(newEmail);
    }

    @Override
    public CodeDelivery resendCode(User account, String accessToken) {
        Instant now = now();
        Send send = db.transaction(c -> {
            User user = stored(c, account);
            AttemptLimits.take(c, user.id(), Action.SEND_EMAIL_CODE, now);
            EmailAddress to = pending(c, user.id()).orElse(user.email());
            return new Send(to, OneTimeCodes.issue(c, user.id(), Purpose.VERIFY_EMAIL, now));
        });
        mailer.deliver(EmailTemplates.emailChangeCode(send.to(), send.code()));
        return CodeDelivery.email(send.to());
    }

    @Override
    public User verify(User account, ConfirmationCode code, String accessToken) {
        Instant now = now();
        Checked checked = db.transaction(c -> {
            UserId id = stored(c, account).id();
            AttemptLimits.take(c, id, Action.VERIFY_EMAIL, now);
            OneTimeCodes.Check check = OneTimeCodes.consume(c, id, Purpose.VERIFY_EMAIL, code, now);
            if (check != OneTimeCodes.Check.MATCH) return new Checked.Refused(check);
            Optional<EmailAddress> newEmail = pending(c, id);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM pending_email_changes WHERE user_id = ?")) {
                p.setString(1, id.value());
                p.executeUpdate();
            }
            if (newEmail.isPresent() && !moveTo(c, id, newEmail.get())) return new Checked.Taken();
            if (newEmail.isEmpty()) markVerified(c, id);
            return new Checked.Done(UserRows.byId(c, id).orElseThrow(UserPoolException::userNotFound).user());
        });
        if (checked instanceof Checked.Refused refused) refused.check().throwIfRefused();
        if (checked instanceof Checked.Taken) throw UserRows.usernameExists();
        return ((Checked.Done) checked).after();
    }

    /** The account as stored now ({@code UserNotFound} once deleted). */
    private static User stored(Connection c, User account) throws SQLException {
        return UserRows.byId(c, account.id()).orElseThrow(UserPoolException::userNotFound).user();
    }

    private static Optional<EmailAddress> pending(Connection c, UserId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT email FROM pending_email_changes WHERE user_id = ?")) {
            p.setString(1, id.value());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new EmailAddress(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The account takes the proven address, verified; false when another account has it (the unique index says). */
    private static boolean moveTo(Connection c, UserId id, EmailAddress newEmail) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE users SET email = ?, email_verified = 1 WHERE id = ?")) {
            p.setString(1, newEmail.value());
            p.setString(2, id.value());
            p.executeUpdate();
            return true;
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) return false;
            throw e;
        }
    }

    private static void markVerified(Connection c, UserId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE users SET email_verified = 1 WHERE id = ?")) {
            p.setString(1, id.value());
            p.executeUpdate();
        }
    }

    /** Millisecond precision, as stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
