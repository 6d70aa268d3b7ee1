package dev.userpool.embedded;

import dev.userpool.core.domain.AuthorizationGrant;
import dev.userpool.core.domain.OAuthScopes;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.AuthorizationCodes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorization codes in the database, by the SHA-256 digest of the code (256 random bits: a stolen
 * database holds no code). Taking a code deletes its row in the same transaction that reads it, so two
 * exchanges of one code at the same time get it once; codes long expired are swept when new ones are made.
 */
public final class SqliteAuthorizationCodes implements AuthorizationCodes {
    private final EmbeddedDatabase db;
    private final Clock clock;

    public SqliteAuthorizationCodes(EmbeddedDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String issue(AuthorizationGrant grant) {
        String code = OpaqueTokens.newToken();
        db.transaction(c -> {
            try (PreparedStatement sweep = c.prepareStatement("DELETE FROM authorization_codes WHERE expires_at <= ?")) {
                sweep.setLong(1, clock.instant().toEpochMilli());
                sweep.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO authorization_codes (code_digest, user_id, client_id,"
                    + " redirect_uri, scopes, nonce, code_challenge, auth_time, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setBytes(1, OpaqueTokens.digest(code));
                p.setString(2, grant.user().value());
                p.setString(3, grant.clientId());
                p.setString(4, grant.redirectUri());
                p.setString(5, OAuthScopes.format(grant.scopes()));
                p.setString(6, grant.nonce().orElse(null));
                p.setString(7, grant.codeChallenge().orElse(null));
                p.setLong(8, grant.authTime().getEpochSecond());
                p.setLong(9, grant.expiresAt().toEpochMilli());
                p.executeUpdate();
            }
            return null;
        });
        return code;
    }

    @Override
    public Optional<AuthorizationGrant> take(String code) {
        if (code == null || code.isBlank()) return Optional.empty();
        byte[] digest = OpaqueTokens.digest(code.strip());
        return db.transaction(c -> {
            Optional<AuthorizationGrant> grant;
            try (PreparedStatement p = c.prepareStatement("SELECT user_id, client_id, redirect_uri, scopes, nonce, code_challenge,"
                    + " auth_time, expires_at FROM authorization_codes WHERE code_digest = ?")) {
                p.setBytes(1, digest);
                try (ResultSet rs = p.executeQuery()) {
                    grant = rs.next() ? Optional.of(new AuthorizationGrant(new UserId(rs.getString(1)), rs.getString(2),
                            rs.getString(3), OAuthScopes.parse(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                            Optional.ofNullable(rs.getString(6)), Instant.ofEpochSecond(rs.getLong(7)),
                            Instant.ofEpochMilli(rs.getLong(8)))) : Optional.empty();
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM authorization_codes WHERE code_digest = ?")) {
                p.setBytes(1, digest);
                p.executeUpdate();
            }
            return grant;
        });
    }
}
