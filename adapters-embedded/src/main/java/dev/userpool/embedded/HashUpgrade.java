package dev.userpool.embedded;

import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A stored password hash made with other parameters than today's, and its replacement, hashed from
 * the password a sign-in just proved (as Keycloak does): raising the cost reaches every account that
 * signs in, without a reset. Prints no hash.
 */
record HashUpgrade(String outdatedHash, String newHash) {

    /**
     * Stores the new hash if the account still has the outdated one: a password changed or reset while
     * this sign-in was checked stays changed. Whether it was stored.
     */
    boolean store(Connection c, UserId id) throws SQLException {
        return UserRows.replacePasswordHash(c, id, outdatedHash, newHash);
    }

    @Override
    public String toString() {
        return "HashUpgrade[***]";
    }
}
