package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Copies of the embedded database for backups, taken with SQLite's online backup while the service
 * writes to it, from this process or another. The copy is made in one step of the backup API under a
 * read transaction: it is the database as of one commit, never half of a transaction, and since the
 * database is in WAL mode the service's writers go on meanwhile (they only append to the WAL).
 */
public final class DatabaseCopy {
    /** What a copy holds: its size, the schema version it was written by, and how many accounts it has. */
    public record Summary(long pages, long bytes, int schemaVersion, long users) {}

    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 50;

    private DatabaseCopy() {}

    /**
     * Copies {@code database} (which must exist) to {@code target} (which must not), then checks the
     * copy's integrity. The source is read with {@code query_only}: this never changes its content, not
     * even its schema. (Not opened read-only: a read-only connection that is the last to close leaves
     * the {@code -wal} and {@code -shm} files behind, where a service that stopped had removed them.)
     */
    public static Summary backup(Path database, Path target) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(target, "target");
        if (!Files.isRegularFile(database)) throw unusable("There is no database at " + database + ".");
        if (Files.exists(target)) throw unusable("The copy's file " + target + " exists already.");
        SqliteNativeLibrary.preferCachedCopy();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(EmbeddedDatabase.BUSY_TIMEOUT_MILLIS);
        config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
        try (Connection source = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            try (Statement s = source.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            // pagesPerStep -1: the whole database in one step, under one read transaction, so a commit in
            // between can never make SQLite start the copy over (and over, under steady writes)
            int rc = source.unwrap(SQLiteConnection.class).getDatabase()
                    .backup("main", target.toAbsolutePath().toString(), null, BUSY_SLEEP_MILLIS, BUSY_RETRIES, -1);
            if (rc != 0 && rc != 101) throw unusable("SQLite's online backup of " + database + " ended with code " + rc + ".");
        } catch (SQLException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "SQLite's online backup of " + database + " failed: "
                    + e.getMessage(), e);
        }
        return check(target);
    }

    /**
     * Checks that {@code database} is an intact userpool database ({@code PRAGMA integrity_check}, and the
     * tables the app keeps its accounts in), and says what it holds. Meant for a copy nothing else has
     * open: it is read with {@code query_only}, but not opened read-only, so that closing it removes the
     * {@code -wal} and {@code -shm} files SQLite makes for a database in WAL mode.
     */
    public static Summary check(Path database) {
        if (!Files.isRegularFile(database)) throw unusable("There is no database at " + database + ".");
        SqliteNativeLibrary.preferCachedCopy();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(EmbeddedDatabase.BUSY_TIMEOUT_MILLIS);
        config.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);   // a missing file is never made an empty database
        try (Connection c = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = 1");
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) problems.add(rs.getString(1));
            }
            if (!problems.equals(List.of("ok"))) {
                throw unusable(database.getFileName() + " is damaged: " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
            }
            long pages = single(s, "PRAGMA page_count");
            long pageSize = single(s, "PRAGMA page_size");
            int version = Schema.currentVersion(c);
            long users = single(s, "SELECT count(*) FROM users");
            return new Summary(pages, pages * pageSize, version, users);
        } catch (SQLException e) {
            throw unusable(database.getFileName() + " is not a userpool database: " + e.getMessage());
        }
    }

    /** The newest schema this program reads: a database with a newer one was written by a newer userpool. */
    public static int latestSchemaVersion() {
        return Schema.latestVersion();
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new SQLException("no answer to " + sql);
            return rs.getLong(1);
        }
    }

    private static UserPoolException unusable(String message) {
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, message);
    }
}
