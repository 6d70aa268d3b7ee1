package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Cognito's answer to password guessing: after 5 consecutive wrong passwords the account is locked
 * for 2^(n-5) seconds (n = consecutive failures), at most 15 minutes. Attempts while locked are
 * refused without checking the password and do not extend the lock. The count starts over after a
 * correct password, or after 15 minutes without any attempt. A refused attempt counts as an attempt
 * there: otherwise the count would lapse exactly when a 15-minute lock ends, and someone guessing
 * without pause would get the free tries back every time.
 */
final class SignInLockout {
    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration IDLE_RESET = Duration.ofMinutes(15);
    static final String LOCKED = "Password attempts exceeded";

    private SignInLockout() {}

    /** How long the n-th consecutive failure locks the account. */
    static Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < FREE_FAILURES) return Duration.ZERO;
        int exponent = consecutiveFailures - FREE_FAILURES;
        if (exponent >= 30) return MAX_LOCK;
        Duration lock = Duration.ofSeconds(1L << exponent);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    /** The failures that count at a moment (a lapsed count is zero) and whether the account is locked then. */
    record State(int consecutiveFailures, boolean locked) {}

    /** The account's state at {@code now}: a read only; {@link #refusesAttempt} then marks a refused attempt. */
    static State state(Connection c, UserId user, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT consecutive, last_attempt_at, locked_until FROM sign_in_failures WHERE user_id = ?")) {
            p.setString(1, user.value());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return new State(0, false);
                long lockedUntil = rs.getLong(3);
                boolean locked = !rs.wasNull() && lockedUntil > now.toEpochMilli();
                boolean lapsed = now.toEpochMilli() - rs.getLong(2) >= IDLE_RESET.toMillis();
                return new State(lapsed && !locked ? 0 : rs.getInt(1), locked);
            }
        }
    }

    /**
     * The write a counted failure costs, for a sign-in that has no account to count it on: an unknown
     * address then answers in the time a wrong password takes, not one database commit sooner.
     */
    static void spendAWriteLikeAFailure(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE timing_decoy SET n = n + 1 WHERE id = 1")) {
            p.executeUpdate();
        }
    }

    /** Whether the account is locked at {@code now}; a refused attempt keeps the count from lapsing. */
    static boolean refusesAttempt(Connection c, UserId user, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE sign_in_failures SET last_attempt_at = ?"
                + " WHERE user_id = ? AND locked_until IS NOT NULL AND locked_until > ?")) {
            p.setLong(1, now.toEpochMilli());
            p.setString(2, user.value());
            p.setLong(3, now.toEpochMilli());
            return p.executeUpdate() > 0;
        }
    }

    /**
     * Counts a wrong password. False when the account no longer exists (deleted while its password was
     * being checked): there is nothing left to lock.
     */
    static boolean recordFailure(Connection c, UserId user, Instant now) throws SQLException {
        int consecutive = 1;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT consecutive, last_attempt_at FROM sign_in_failures WHERE user_id = ?")) {
            p.setString(1, user.value());
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && now.toEpochMilli() - rs.getLong(2) < IDLE_RESET.toMillis()) {
                    consecutive = rs.getInt(1) + 1;
                }
            }
        }
        Duration lock = lockAfter(consecutive);
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO sign_in_failures"
                + " (user_id, consecutive, last_attempt_at, locked_until)"
                + " SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)")) {
            p.setString(1, user.value());
            p.setInt(2, consecutive);
            p.setLong(3, now.toEpochMilli());
            if (lock.isZero()) {
                p.setNull(4, java.sql.Types.INTEGER);
            } else {
                p.setLong(4, now.plus(lock).toEpochMilli());
            }
            p.setString(5, user.value());
            return p.executeUpdate() > 0;
        }
    }

    static void clear(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM sign_in_failures WHERE user_id = ?")) {
            p.setString(1, user.value());
            p.executeUpdate();
        }
    }
}
