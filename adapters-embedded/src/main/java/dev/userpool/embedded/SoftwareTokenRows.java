package dev.userpool.embedded;

import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code software_tokens} rows: an account's authenticator app. Secrets are stored sealed
 * ({@link SecretSealer}) and only read here as sealed bytes; nothing in this class prints them.
 */
final class SoftwareTokenRows {
    private SoftwareTokenRows() {}

    /** What the row holds; the secrets sealed. */
    record Row(Optional<byte[]> secret, Optional<byte[]> pendingSecret, boolean enabled, boolean preferred, long lastStep) {
        MfaSettings settings() {
            return new MfaSettings(secret.isPresent(), enabled && secret.isPresent(), preferred && enabled && secret.isPresent());
        }

        @Override
        public String toString() {
            return "Row[secret=***, pendingSecret=***, enabled=" + enabled + ", preferred=" + preferred + "]";
        }
    }

    static Optional<Row> of(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT secret, pending_secret, enabled, preferred, last_step FROM software_tokens WHERE user_id = ?")) {
            p.setString(1, user.value());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Row(Optional.ofNullable(rs.getBytes(1)), Optional.ofNullable(rs.getBytes(2)),
                        rs.getInt(3) != 0, rs.getInt(4) != 0, rs.getLong(5)));
            }
        }
    }

    static MfaSettings settings(Connection c, UserId user) throws SQLException {
        return of(c, user).map(Row::settings).orElse(MfaSettings.NONE);
    }

    /** A new pending secret; an app already verified stays as it is. */
    static void savePending(Connection c, UserId user, byte[] sealed) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO software_tokens (user_id, pending_secret) VALUES (?, ?)"
                + " ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret")) {
            p.setString(1, user.value());
            p.setBytes(2, sealed);
            p.executeUpdate();
        }
    }

    /** The pending secret, proven by a code of {@code step}, becomes the account's app. */
    static void promotePending(Connection c, UserId user, long step) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE software_tokens SET secret = pending_secret,"
                + " pending_secret = NULL, last_step = ? WHERE user_id = ?")) {
            p.setLong(1, step);
            p.setString(2, user.value());
            p.executeUpdate();
        }
    }

    /** A code of {@code step} was accepted at sign-in: that step, and every earlier one, is spent. */
    static void spendStep(Connection c, UserId user, long step) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE software_tokens SET last_step = ? WHERE user_id = ?")) {
            p.setLong(1, step);
            p.setString(2, user.value());
            p.executeUpdate();
        }
    }

    static void savePreference(Connection c, UserId user, MfaSettings settings) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE software_tokens SET enabled = ?, preferred = ? WHERE user_id = ?")) {
            p.setInt(1, settings.softwareTokenEnabled() ? 1 : 0);
            p.setInt(2, settings.softwareTokenPreferred() ? 1 : 0);
            p.setString(3, user.value());
            p.executeUpdate();
        }
    }

    static boolean delete(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM software_tokens WHERE user_id = ?")) {
            p.setString(1, user.value());
            return p.executeUpdate() > 0;
        }
    }
}
