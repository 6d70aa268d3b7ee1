package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code users.temporary_password_expires_at} column: until when an administrator's temporary
 * password signs in (to the {@code NEW_PASSWORD_REQUIRED} challenge). Empty once the holder's password is
 * their own. Kept apart from {@link UserRows} so the account's row shape stays what the directory reads.
 */
final class TemporaryPasswordRows {
    private TemporaryPasswordRows() {}

    static void save(Connection c, UserId user, Optional<Instant> until) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE users SET temporary_password_expires_at = ? WHERE id = ?")) {
            if (until.isPresent()) p.setLong(1, until.get().toEpochMilli());
            else p.setNull(1, java.sql.Types.INTEGER);
            p.setString(2, user.value());
            p.executeUpdate();
        }
    }

    static Optional<Instant> expiryOf(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT temporary_password_expires_at FROM users WHERE id = ?")) {
            p.setString(1, user.value());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                long at = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        }
    }
}
