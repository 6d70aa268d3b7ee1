package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.PasskeyCeremony;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.PasskeyCredentials;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts' passkeys and the pending WebAuthn challenges, in the embedded database. Each challenge is
 * deleted as it is taken; expired ones are swept when a new one is held, and one account holds at most
 * {@link #PENDING_PER_ACCOUNT} (its oldest gives way), so that a flood of sign-in starts cannot grow the file.
 */
public final class SqlitePasskeyCredentials implements PasskeyCredentials {
    static final int PENDING_PER_ACCOUNT = 16;

    private final EmbeddedDatabase db;
    private final Clock clock;

    public SqlitePasskeyCredentials(EmbeddedDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void add(Passkey passkey, int limit) {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM passkeys WHERE credential_id = ?")) {
                p.setString(1, passkey.credentialId());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) throw UserPoolException.invalidParameter("Credential", "this passkey is already registered");
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM passkeys WHERE user_id = ?")) {
                p.setString(1, passkey.owner().value());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getInt(1) >= limit) {
                        throw new UserPoolException(ErrorCode.LIMIT_EXCEEDED,
                                "The user already has the most passkeys allowed (" + limit + ").");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO passkeys (credential_id, user_id, public_key_cose,"
                    + " sign_count, transports, attachment, friendly_name, relying_party_id, created_at, last_used_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, passkey.credentialId());
                p.setString(2, passkey.owner().value());
                p.setBytes(3, passkey.publicKeyCose());
                p.setLong(4, passkey.signCount());
                p.setString(5, String.join(",", passkey.transports()));
                p.setString(6, passkey.attachment().orElse(null));
                p.setString(7, passkey.friendlyName());
                p.setString(8, passkey.relyingPartyId());
                p.setLong(9, passkey.createdAt().toEpochMilli());
                if (passkey.lastUsedAt().isPresent()) p.setLong(10, passkey.lastUsedAt().get().toEpochMilli());
                else p.setNull(10, Types.INTEGER);
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Passkey> of(UserId owner) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE user_id = ? ORDER BY created_at, credential_id")) {
                p.setString(1, owner.value());
                try (ResultSet rs = p.executeQuery()) {
                    List<Passkey> held = new ArrayList<>();
                    while (rs.next()) held.add(read(rs));
                    return held;
                }
            }
        });
    }

    @Override
    public Optional<Passkey> find(String credentialId) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE credential_id = ?")) {
                p.setString(1, credentialId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean remove(UserId owner, String credentialId) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM passkeys WHERE credential_id = ? AND user_id = ?")) {
                p.setString(1, credentialId);
                p.setString(2, owner.value());
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean recordUse(String credentialId, long expectedCount, long newCount, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE passkeys SET sign_count = ?, last_used_at = ?"
                    + " WHERE credential_id = ? AND sign_count = ?")) {
                p.setLong(1, newCount);
                p.setLong(2, at.toEpochMilli());
                p.setString(3, credentialId);
                p.setLong(4, expectedCount);
                return p.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void hold(PasskeyCeremony ceremony) {
        db.transaction(c -> {
            sweep(c, ceremony.user());
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO passkey_ceremonies"
                    + " (key, purpose, user_id, challenge, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                p.setString(1, ceremony.key());
                p.setString(2, ceremony.purpose().name());
                p.setString(3, ceremony.user().value());
                p.setBytes(4, ceremony.challenge());
                p.setLong(5, ceremony.expiresAt().toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Drops every expired challenge, and the account's oldest ones past {@link #PENDING_PER_ACCOUNT} - 1. */
    private void sweep(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM passkey_ceremonies WHERE expires_at <= ?")) {
            p.setLong(1, clock.millis());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM passkey_ceremonies WHERE key IN (SELECT key FROM"
                + " passkey_ceremonies WHERE user_id = ? ORDER BY expires_at DESC LIMIT -1 OFFSET ?)")) {
            p.setString(1, user.value());
            p.setInt(2, PENDING_PER_ACCOUNT - 1);
            p.executeUpdate();
        }
    }

    @Override
    public Optional<PasskeyCeremony> take(String key) {
        return db.transaction(c -> {
            Optional<PasskeyCeremony> found;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT purpose, user_id, challenge, expires_at FROM passkey_ceremonies WHERE key = ?")) {
                p.setString(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    found = rs.next()
                            ? Optional.of(new PasskeyCeremony(key, PasskeyCeremony.Purpose.valueOf(rs.getString(1)),
                                    new UserId(rs.getString(2)), rs.getBytes(3), Instant.ofEpochMilli(rs.getLong(4))))
                            : Optional.empty();
                }
            }
            if (found.isPresent()) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM passkey_ceremonies WHERE key = ?")) {
                    p.setString(1, key);
                    p.executeUpdate();
                }
            }
            return found;
        });
    }

    private static final String SELECT = "SELECT credential_id, user_id, public_key_cose, sign_count, transports, attachment,"
            + " friendly_name, relying_party_id, created_at, last_used_at FROM passkeys";

    private static Passkey read(ResultSet rs) throws SQLException {
        String transports = rs.getString("transports");
        long lastUsed = rs.getLong("last_used_at");
        Optional<Instant> lastUsedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastUsed));
        return new Passkey(rs.getString("credential_id"), new UserId(rs.getString("user_id")), rs.getBytes("public_key_cose"),
                rs.getLong("sign_count"),
                transports.isEmpty() ? List.of() : Arrays.asList(transports.split(",")),
                Optional.ofNullable(rs.getString("attachment")), rs.getString("friendly_name"),
                rs.getString("relying_party_id"), Instant.ofEpochMilli(rs.getLong("created_at")), lastUsedAt);
    }
}
