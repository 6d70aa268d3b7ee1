package dev.userpool.embedded;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The {@code users} table, shared by the directory and the authenticator. */
final class UserRows {
    static final String COLUMNS = "id, email, status, email_verified, enabled, created_at, password_hash";
    /** What {@link #read} reads: the columns and the account's attributes, in one statement. */
    static final String SELECTED = COLUMNS + ", " + UserAttributeRows.column("users");

    private UserRows() {}

    /** An account with its password hash, which never leaves the embedded adapters. */
    record Account(User user, String passwordHash) {
        @Override
        public String toString() {
            return "Account[" + user + ", passwordHash=***]";
        }
    }

    static Optional<Account> byEmail(Connection c, EmailAddress email) throws SQLException {
        return one(c, "email", email.value());
    }

    static Optional<Account> byId(Connection c, UserId id) throws SQLException {
        return one(c, "id", id.value());
    }

    /** The account, or Cognito's {@code UserNotFound}. */
    static Account require(Connection c, EmailAddress email) throws SQLException {
        return byEmail(c, email).orElseThrow(UserPoolException::userNotFound);
    }

    /**
     * The account {@code read} was read from, as long as it is still stored as it was read:
     * {@code UserNotFound} when it is gone (or its address belongs to a new account now),
     * {@code TooManyRequests} when it changed meanwhile, so that a change decided from a stale read
     * never overwrites another.
     */
    static Account requireUnchanged(Connection c, User read) throws SQLException {
        Account stored = byId(c, read.id()).orElseThrow(UserPoolException::userNotFound);
        if (!stored.user().equals(read)) {
            throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, "The account changed meanwhile; try again.");
        }
        return stored;
    }

    private static Optional<Account> one(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + SELECTED + " FROM users WHERE " + column + " = ?")) {
            p.setString(1, value);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Account(read(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        }
    }

    static User read(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getString("id")), new EmailAddress(rs.getString("email")),
                UserStatus.valueOf(rs.getString("status")), rs.getInt("email_verified") != 0,
                rs.getInt("enabled") != 0, Instant.ofEpochMilli(rs.getLong("created_at")),
                UserAttributeRows.parse(rs.getString("attributes")));
    }

    static void insert(Connection c, User user, String passwordHash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, user.id().value());
            p.setString(2, user.email().value());
            p.setString(3, user.status().name());
            p.setInt(4, user.emailVerified() ? 1 : 0);
            p.setInt(5, user.enabled() ? 1 : 0);
            p.setLong(6, user.createdAt().toEpochMilli());
            p.setString(7, passwordHash);
            p.executeUpdate();
            UserAttributeRows.insert(c, user.id(), user.attributes());
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw usernameExists();
            }
            throw e;
        }
    }

    static UserPoolException usernameExists() {
        return new UserPoolException(ErrorCode.USERNAME_EXISTS, "An account with the given email already exists.");
    }

    /** Writes the state-machine fields of {@code user} (status, email_verified, enabled). */
    static void saveState(Connection c, User user) throws SQLException {
        saveState(c, user, false);
    }

    /** {@link #saveState(Connection, User)}, and the account's attributes when {@code withAttributes}. */
    static void saveState(Connection c, User user, boolean withAttributes) throws SQLException {
        if (withAttributes) UserAttributeRows.replace(c, user.id(), user.attributes());
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE users SET status = ?, email_verified = ?, enabled = ? WHERE id = ?")) {
            p.setString(1, user.status().name());
            p.setInt(2, user.emailVerified() ? 1 : 0);
            p.setInt(3, user.enabled() ? 1 : 0);
            p.setString(4, user.id().value());
            p.executeUpdate();
        }
    }

    /** False when there is no such account (any more). */
    static boolean savePasswordHash(Connection c, UserId id, String passwordHash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            p.setString(1, passwordHash);
            p.setString(2, id.value());
            return p.executeUpdate() > 0;
        }
    }

    /** Replaces the hash only where it is still {@code expected}; whether it was. */
    static boolean replacePasswordHash(Connection c, UserId id, String expected, String passwordHash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?")) {
            p.setString(1, passwordHash);
            p.setString(2, id.value());
            p.setString(3, expected);
            return p.executeUpdate() > 0;
        }
    }
}
