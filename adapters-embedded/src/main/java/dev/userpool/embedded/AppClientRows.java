package dev.userpool.embedded;

import dev.userpool.core.domain.AppClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The {@code app_clients} table: one row a client, its lists one item a line (the rules keep line
 * breaks out of names, flows, scopes and URLs), durations in seconds, times in epoch milliseconds.
 */
final class AppClientRows {
    static final String COLUMNS = "client_id, name, secret, oauth_flows, oauth_scopes, callback_urls, logout_urls,"
            + " explicit_auth_flows, id_token_seconds, access_token_seconds, refresh_token_seconds, identity_providers,"
            + " oauth_enabled, prevent_user_existence_errors, token_revocation, default_redirect_uri, auth_session_seconds,"
            + " created_at, last_modified_at";

    private AppClientRows() {}

    static List<AppClient> all(Connection c) throws SQLException {
        List<AppClient> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM app_clients ORDER BY client_id");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.add(read(rs));
        }
        return out;
    }

    static boolean exists(Connection c, String clientId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM app_clients WHERE client_id = ?")) {
            p.setString(1, clientId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void insert(Connection c, AppClient a) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO app_clients (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, a.clientId());
            bind(p, 2, a);
            p.executeUpdate();
        }
    }

    /** False when there is no row of the client's id. */
    static boolean update(Connection c, AppClient a) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE app_clients SET name = ?, secret = ?, oauth_flows = ?,"
                + " oauth_scopes = ?, callback_urls = ?, logout_urls = ?, explicit_auth_flows = ?, id_token_seconds = ?,"
                + " access_token_seconds = ?, refresh_token_seconds = ?, identity_providers = ?, oauth_enabled = ?,"
                + " prevent_user_existence_errors = ?, token_revocation = ?, default_redirect_uri = ?,"
                + " auth_session_seconds = ?, created_at = ?, last_modified_at = ? WHERE client_id = ?")) {
            bind(p, 1, a);
            p.setString(19, a.clientId());
            return p.executeUpdate() > 0;
        }
    }

    static boolean delete(Connection c, String clientId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM app_clients WHERE client_id = ?")) {
            p.setString(1, clientId);
            return p.executeUpdate() > 0;
        }
    }

    /** Binds everything but the id, from {@code at} on (18 parameters). */
    private static void bind(PreparedStatement p, int at, AppClient a) throws SQLException {
        p.setString(at, a.name());
        p.setString(at + 1, a.secret().orElse(null));
        p.setString(at + 2, lines(a.allowedOAuthFlows()));
        p.setString(at + 3, lines(a.allowedScopes()));
        p.setString(at + 4, lines(a.callbackUrls()));
        p.setString(at + 5, lines(a.logoutUrls()));
        p.setString(at + 6, lines(a.explicitAuthFlows()));
        p.setLong(at + 7, a.idTokenValidity().toSeconds());
        p.setLong(at + 8, a.accessTokenValidity().toSeconds());
        p.setLong(at + 9, a.refreshTokenValidity().toSeconds());
        p.setString(at + 10, lines(a.supportedIdentityProviders()));
        p.setInt(at + 11, a.allowedOAuthFlowsUserPoolClient() ? 1 : 0);
        p.setInt(at + 12, a.preventUserExistenceErrors() ? 1 : 0);
        p.setInt(at + 13, a.enableTokenRevocation() ? 1 : 0);
        p.setString(at + 14, a.defaultRedirectUri().orElse(null));
        p.setLong(at + 15, a.authSessionValidity().toSeconds());
        p.setLong(at + 16, a.createdAt().toEpochMilli());
        p.setLong(at + 17, a.lastModifiedAt().toEpochMilli());
    }

    private static AppClient read(ResultSet rs) throws SQLException {
        return new AppClient(rs.getString("client_id"), rs.getString("name"), Optional.ofNullable(rs.getString("secret")),
                new LinkedHashSet<>(list(rs.getString("oauth_flows"))), new LinkedHashSet<>(list(rs.getString("oauth_scopes"))),
                list(rs.getString("callback_urls")), list(rs.getString("logout_urls")),
                new LinkedHashSet<>(list(rs.getString("explicit_auth_flows"))), Duration.ofSeconds(rs.getLong("id_token_seconds")),
                Duration.ofSeconds(rs.getLong("access_token_seconds")), Duration.ofSeconds(rs.getLong("refresh_token_seconds")),
                new LinkedHashSet<>(list(rs.getString("identity_providers"))), rs.getInt("oauth_enabled") == 1,
                rs.getInt("prevent_user_existence_errors") == 1, rs.getInt("token_revocation") == 1,
                Optional.ofNullable(rs.getString("default_redirect_uri")), Duration.ofSeconds(rs.getLong("auth_session_seconds")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_modified_at")));
    }

    static String lines(Collection<String> values) {
        return String.join("\n", values);
    }

    static List<String> list(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n", -1));
    }
}
