package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import dev.userpool.srp.SrpVerifier;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The SRP columns of the {@code users} table: the pool name, salt and verifier of each account's current password. */
final class SrpVerifierRows {
    private SrpVerifierRows() {}

    /** The verifier of {@code user} made for {@code poolName}; one made for another pool name counts as none. */
    static Optional<SrpVerifier> find(Connection c, UserId user, String poolName) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT srp_pool, srp_salt, srp_verifier FROM users WHERE id = ?")) {
            p.setString(1, user.value());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || rs.getString(3) == null || !poolName.equals(rs.getString(1))) return Optional.empty();
                return Optional.of(new SrpVerifier(poolName, user.value(), rs.getString(2), new BigInteger(rs.getString(3), 16)));
            }
        }
    }

    /** Stores the verifier of a new password, or clears the old one (SRP off): an old verifier never outlives its password. */
    static void save(Connection c, UserId user, Optional<SrpVerifier> verifier) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE users SET srp_pool = ?, srp_salt = ?, srp_verifier = ? WHERE id = ?")) {
            p.setString(1, verifier.map(SrpVerifier::poolName).orElse(null));
            p.setString(2, verifier.map(SrpVerifier::saltHex).orElse(null));
            p.setString(3, verifier.map(SrpVerifier::verifierHex).orElse(null));
            p.setString(4, user.value());
            p.executeUpdate();
        }
    }

    /** Forgets every stored verifier; returns how many there were. */
    static int forgetAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE users SET srp_pool = NULL, srp_salt = NULL, srp_verifier = NULL"
                    + " WHERE srp_verifier IS NOT NULL");
        }
    }

    static byte[] decoyKey(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key FROM srp_decoy_key WHERE id = 1")) {
            if (!rs.next()) throw new SQLException("srp_decoy_key has no row");
            return rs.getBytes(1);
        }
    }
}
