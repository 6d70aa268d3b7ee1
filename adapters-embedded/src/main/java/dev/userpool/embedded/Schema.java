package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, as an ordered list of migrations. A database records in {@code schema_version} which
 * migrations it has; opening it applies the missing ones. Never edit a released migration: add one.
 *
 * <p>Instants are stored as epoch milliseconds, except audit events, which keep their exact instant.
 */
final class Schema {
    private Schema() {}

    /** Migration n (1-based) is {@code MIGRATIONS.get(n - 1)}. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE users (
              id             TEXT PRIMARY KEY,
              email          TEXT NOT NULL UNIQUE,
              status         TEXT NOT NULL,
              email_verified INTEGER NOT NULL,
              enabled        INTEGER NOT NULL,
              created_at     INTEGER NOT NULL,
              password_hash  TEXT NOT NULL
            )""",
            // One live code per user and purpose: a resend replaces it. Only a salted digest is kept.
            """
            CREATE TABLE one_time_codes (
              user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              purpose    TEXT NOT NULL,
              salt       BLOB NOT NULL,
              digest     BLOB NOT NULL,
              expires_at INTEGER NOT NULL,
              PRIMARY KEY (user_id, purpose)
            )""",
            """
            CREATE TABLE attempts (
              user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              action  TEXT NOT NULL,
              at      INTEGER NOT NULL
            )""",
            "CREATE INDEX attempts_by_user ON attempts (user_id, action, at)",
            """
            CREATE TABLE sign_in_failures (
              user_id         TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
              consecutive     INTEGER NOT NULL,
              last_attempt_at INTEGER NOT NULL,
              locked_until    INTEGER
            )""",
            // A session is one sign-in: its id is the origin_jti of every token it issues, so deleting
            // the row revokes its refresh token and every ID and access token at once.
            """
            CREATE TABLE sessions (
              id                 TEXT PRIMARY KEY,
              user_id            TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
              refresh_digest     BLOB NOT NULL UNIQUE,
              event_id           TEXT NOT NULL,
              auth_time          INTEGER NOT NULL,
              refresh_expires_at INTEGER NOT NULL
            )""",
            "CREATE INDEX sessions_by_user ON sessions (user_id)",
            """
            CREATE TABLE signing_keys (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              kid TEXT NOT NULL UNIQUE,
              jwk TEXT NOT NULL
            )""",
            """
            CREATE TABLE outbox (
              id        INTEGER PRIMARY KEY AUTOINCREMENT,
              recipient TEXT NOT NULL,
              kind      TEXT NOT NULL,
              subject   TEXT NOT NULL,
              text_body TEXT NOT NULL,
              html_body TEXT NOT NULL,
              sent_at   INTEGER NOT NULL
            )""",
            "CREATE INDEX outbox_by_recipient ON outbox (recipient, sent_at, id)",
            """
            CREATE TABLE verification_links (
              email        TEXT PRIMARY KEY,
              token_digest BLOB NOT NULL UNIQUE,
              expires_at   INTEGER NOT NULL,
              verified_at  INTEGER
            )""",
            """
            CREATE TABLE audit_events (
              event_id        TEXT PRIMARY KEY,
              type            TEXT NOT NULL,
              occurred_second INTEGER NOT NULL,
              occurred_nano   INTEGER NOT NULL,
              outcome         TEXT NOT NULL,
              error_code      TEXT,
              user_id         TEXT,
              email           TEXT NOT NULL,
              subject_key     TEXT NOT NULL,
              actor_kind      TEXT NOT NULL,
              actor_id        TEXT,
              method          TEXT,
              request_id      TEXT NOT NULL,
              source_ip       TEXT,
              user_agent      TEXT
            )""",
            "CREATE INDEX audit_by_subject ON audit_events (subject_key, occurred_second, occurred_nano, event_id)",
            "CREATE INDEX audit_by_time ON audit_events (occurred_second, occurred_nano, event_id)"),
            // 2: SRP (USER_SRP_AUTH). The verifier is made with the pool's name, kept beside it so that a
            // renamed pool's verifiers count as missing. Users from before have none until they sign in
            // with their password. The decoy key makes the stable fake salts of unknown users.
            List.of(
                    "ALTER TABLE users ADD COLUMN srp_pool TEXT",
                    "ALTER TABLE users ADD COLUMN srp_salt TEXT",
                    "ALTER TABLE users ADD COLUMN srp_verifier TEXT",
                    """
                    CREATE TABLE srp_decoy_key (
                      id  INTEGER PRIMARY KEY CHECK (id = 1),
                      key BLOB NOT NULL
                    )""",
                    "INSERT INTO srp_decoy_key (id, key) VALUES (1, randomblob(32))"),
            // 3: every sign-in purges the user's expired sessions; without the expiry in the index that
            // read all of the user's sessions (they live 30 days), so sign-ins slowed as sessions piled up.
            List.of(
                    "DROP INDEX sessions_by_user",
                    "CREATE INDEX sessions_by_user ON sessions (user_id, refresh_expires_at)"),
            // 4: a sign-in event says whether the password was tested against the account (null: not a
            // sign-in, or not told), so that what the lockout let through can be counted.
            List.of("ALTER TABLE audit_events ADD COLUMN password_checked INTEGER",
                    // A row a sign-in of an unknown address writes, so that it costs the commit a wrong
                    // password's counted failure costs (user enumeration by timing).
                    """
                    CREATE TABLE timing_decoy (
                      id INTEGER PRIMARY KEY CHECK (id = 1),
                      n  INTEGER NOT NULL
                    )""",
                    "INSERT INTO timing_decoy (id, n) VALUES (1, 0)"),
            // 5: delivery from the outbox (USERPOOL_EMAIL=smtp). A row is KEPT (the development mailbox
            // only, never sent: every row from before this migration), PENDING until a mail server
            // accepted it, then SENT, or FAILED when the server refused it for good. next_attempt_at
            // is also the claim: a sender moves it past the time the hand-over can take before it tries.
            List.of(
                    "ALTER TABLE outbox ADD COLUMN state TEXT NOT NULL DEFAULT 'KEPT'",
                    "ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE outbox ADD COLUMN next_attempt_at INTEGER",
                    "ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER",
                    "ALTER TABLE outbox ADD COLUMN last_reply TEXT",
                    "CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at, id)"),
            // 6: a log of ended sessions, so that the token verifier of each process can keep the sessions
            // it knows are active in memory and learn of every end, its own or another process's, by
            // reading only what was logged since it last looked (ActiveSessions). A trigger writes it,
            // so every way a session row goes (sign-out, disabling, a new password, the account's
            // deletion by cascade, purging) is logged. Only the newest entries are kept: a reader that
            // finds entries missing since it last looked forgets what it knew and reads sessions again.
            List.of(
                    """
                    CREATE TABLE session_ends (
                      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                      session_id TEXT NOT NULL
                    )""",
                    """
                    CREATE TRIGGER session_ended AFTER DELETE ON sessions BEGIN
                      INSERT INTO session_ends (session_id) VALUES (OLD.id);
                      DELETE FROM session_ends WHERE seq <= (SELECT MAX(seq) FROM session_ends) - 10000;
                    END"""),
            // 7 (issue 13, attributes): an account's attributes beyond its address (name, given_name, …,
            // custom:…), one row each, gone with the account. ListUsers filters on a name and a value
            // or a prefix of it, which the index answers without reading every account. The pool's custom
            // attributes are declared once each (AddCustomAttributes), in the order of position.
            List.of(
                    """
                    CREATE TABLE user_attributes (
                      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      name    TEXT NOT NULL,
                      value   TEXT NOT NULL,
                      PRIMARY KEY (user_id, name)
                    )""",
                    "CREATE INDEX user_attributes_by_value ON user_attributes (name, value, user_id)",
                    """
                    CREATE TABLE custom_attributes (
                      name      TEXT PRIMARY KEY,
                      position  INTEGER NOT NULL UNIQUE,
                      data_type TEXT NOT NULL,
                      mutable   INTEGER NOT NULL,
                      min_value INTEGER,
                      max_value INTEGER
                    )"""),
            // 8 (issue 13, admin-created users): until when an account's
            // temporary password signs in (null: its password is its own), and the NEW_PASSWORD_REQUIRED
            // challenges a proven temporary password opened, by their session's digest, so that each is
            // answered once by whichever process gets the answer.
            List.of(
                    "ALTER TABLE users ADD COLUMN temporary_password_expires_at INTEGER",
                    """
                    CREATE TABLE new_password_challenges (
                      session_digest BLOB PRIMARY KEY,
                      user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      expires_at     INTEGER NOT NULL
                    )""",
                    "CREATE INDEX new_password_challenges_by_user ON new_password_challenges (user_id, expires_at)"),
            // 9 (issue 13, groups): the pool's groups and who is in them. Names compare exactly (BINARY),
            // as Cognito's do. Deleting an account or a group deletes its memberships (cascade); the
            // index by user serves the groups a sign-in or refresh puts in the tokens.
            List.of(
                    """
                    CREATE TABLE groups (
                      name             TEXT PRIMARY KEY,
                      description      TEXT NOT NULL,
                      precedence       INTEGER,
                      role_arn         TEXT,
                      created_at       INTEGER NOT NULL,
                      last_modified_at INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE group_members (
                      group_name TEXT NOT NULL REFERENCES groups(name) ON DELETE CASCADE,
                      user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      PRIMARY KEY (group_name, user_id)
                    )""",
                    "CREATE INDEX group_members_by_user ON group_members (user_id, group_name)"),
            // 10 (issue 13, changing the address): the address an account asked to move to, until the code
            // sent there is proven (SqliteEmailChanges). Not unique: the address is nobody's until proven.
            List.of(
                    """
                    CREATE TABLE pending_email_changes (
                      user_id      TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                      email        TEXT NOT NULL,
                      requested_at INTEGER NOT NULL
                    )"""),
            // (issue 14, passkeys; the lead renumbers) an account's WebAuthn credentials
            // (SqlitePasskeyCredentials): the COSE public key and last sign count for checking assertions,
            // and what ListWebAuthnCredentials shows; the challenges posed and not yet answered, each
            // taken once (a digest of the sign-in session, never the session, is the key of a sign-in's).
            List.of(
                    """
                    CREATE TABLE passkeys (
                      credential_id    TEXT PRIMARY KEY,
                      user_id          TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      public_key_cose  BLOB NOT NULL,
                      sign_count       INTEGER NOT NULL,
                      transports       TEXT NOT NULL,
                      attachment       TEXT,
                      friendly_name    TEXT NOT NULL,
                      relying_party_id TEXT NOT NULL,
                      created_at       INTEGER NOT NULL,
                      last_used_at     INTEGER
                    )""",
                    "CREATE INDEX passkeys_by_user ON passkeys (user_id, created_at)",
                    """
                    CREATE TABLE passkey_ceremonies (
                      key        TEXT PRIMARY KEY,
                      purpose    TEXT NOT NULL,
                      user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      challenge  BLOB NOT NULL,
                      expires_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX passkey_ceremonies_by_user ON passkey_ceremonies (user_id, expires_at)"),
            // 11 (issue 14, choice-based sign-in, helper "userauth"): the USER_AUTH sign-ins waiting for
            // a choice or an emailed code, by their session's digest (the code only as a digest bound to the
            // session; user_id null for a name that gets no code), and the sign-in policy an operator set
            // (UpdateUserPool's AllowedFirstAuthFactors, comma-separated; no row: the setting's).
            List.of(
                    """
                    CREATE TABLE pending_sign_ins (
                      session_digest TEXT PRIMARY KEY,
                      username       TEXT NOT NULL,
                      user_id        TEXT REFERENCES users(id) ON DELETE CASCADE,
                      code_digest    TEXT,
                      expires_at     INTEGER NOT NULL,
                      wrong_answers  INTEGER NOT NULL
                    )""",
                    "CREATE INDEX pending_sign_ins_by_expiry ON pending_sign_ins (expires_at)",
                    """
                    CREATE TABLE sign_in_policy (
                      id                 INTEGER PRIMARY KEY CHECK (id = 1),
                      allowed_first_auth TEXT NOT NULL
                    )"""),
            // Issue 14, TOTP MFA (helper "totp"; the lead renumbers): each account's authenticator app — its
            // secret sealed with the key file beside the database (SecretSealer), a new one pending until a code
            // proves it, whether it is on and preferred, and the last time step accepted (a code is good once) —
            // and the sign-ins waiting for their second factor (a session digest, three minutes, answered once).
            List.of("""
                    CREATE TABLE software_tokens (
                      user_id        TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                      secret         BLOB,
                      pending_secret BLOB,
                      enabled        INTEGER NOT NULL DEFAULT 0,
                      preferred      INTEGER NOT NULL DEFAULT 0,
                      last_step      INTEGER NOT NULL DEFAULT 0
                    )""",
                    """
                    CREATE TABLE mfa_challenges (
                      session_digest BLOB PRIMARY KEY,
                      user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      kind           TEXT NOT NULL,
                      expires_at     INTEGER NOT NULL
                    )""",
                    "CREATE INDEX mfa_challenges_by_user ON mfa_challenges (user_id)"),
            // 11 (issue 15, app clients): the pool's app clients (AppClientRows: lists one item a line) and
            // resource servers (their scopes "name TAB description" a line), and the client each session
            // signed in with (NULL: the default client, for sessions older than this migration).
            List.of(
                    """
                    CREATE TABLE app_clients (
                      client_id                     TEXT PRIMARY KEY,
                      name                          TEXT NOT NULL,
                      secret                        TEXT,
                      oauth_flows                   TEXT NOT NULL,
                      oauth_scopes                  TEXT NOT NULL,
                      callback_urls                 TEXT NOT NULL,
                      logout_urls                   TEXT NOT NULL,
                      explicit_auth_flows           TEXT NOT NULL,
                      id_token_seconds              INTEGER NOT NULL,
                      access_token_seconds          INTEGER NOT NULL,
                      refresh_token_seconds         INTEGER NOT NULL,
                      identity_providers            TEXT NOT NULL,
                      oauth_enabled                 INTEGER NOT NULL,
                      prevent_user_existence_errors INTEGER NOT NULL,
                      token_revocation              INTEGER NOT NULL,
                      default_redirect_uri          TEXT,
                      auth_session_seconds          INTEGER NOT NULL,
                      created_at                    INTEGER NOT NULL,
                      last_modified_at              INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE resource_servers (
                      identifier TEXT PRIMARY KEY,
                      name       TEXT NOT NULL,
                      scopes     TEXT NOT NULL
                    )""",
                    "ALTER TABLE sessions ADD COLUMN client_id TEXT"),
            // 11 (issue 15, the OAuth 2.0 / OIDC endpoints, helper "oauth"): authorization codes and the
            // managed login's browser sessions, each by the digest of its secret (the code, the cookie); and
            // which app client and scopes a session opened by the token endpoint belongs to, so that its
            // refresh and revocation stay that client's (a session without a row is the JSON API's).
            List.of(
                    """
                    CREATE TABLE authorization_codes (
                      code_digest    BLOB PRIMARY KEY,
                      user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      client_id      TEXT NOT NULL,
                      redirect_uri   TEXT NOT NULL,
                      scopes         TEXT NOT NULL,
                      nonce          TEXT,
                      code_challenge TEXT,
                      auth_time      INTEGER NOT NULL,
                      expires_at     INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE browser_sessions (
                      cookie_digest BLOB PRIMARY KEY,
                      user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                      auth_time     INTEGER NOT NULL,
                      expires_at    INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE oauth_sessions (
                      session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
                      client_id  TEXT NOT NULL,
                      scopes     TEXT NOT NULL,
                      nonce      TEXT
                    )"""));

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Applies the migrations this database lacks; runs inside the opening transaction. */
    static Void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)");
        }
        int current = currentVersion(c);
        if (current > latestVersion()) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The embedded database has schema version "
                    + current + ", newer than this program knows (" + latestVersion() + ").");
        }
        for (int version = current + 1; version <= latestVersion(); version++) {
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(version - 1)) s.execute(sql);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
                p.setInt(1, version);
                p.executeUpdate();
            }
        }
        return null;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
