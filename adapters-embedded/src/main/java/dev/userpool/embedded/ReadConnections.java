package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteConfig;

/**
 * The connections {@link EmbeddedDatabase#read} runs on: a few query-only connections beside the one
 * that writes. In WAL mode a reader never waits for a writer, so a request that only reads (the session
 * behind a refresh token, an account) is no longer queued behind another request's commit waiting for
 * the disk — the reason a refresh load left a third of the CPU idle.
 *
 * <p>Each unit of work runs in a read transaction of its own ({@code BEGIN DEFERRED} … {@code COMMIT}),
 * so its statements see one snapshot, as they did when every read queued for the single connection; and
 * it sees everything committed before it began, by this process or another.
 *
 * <p>At most {@code max} connections are opened, when first needed; further readers wait for one. Each
 * has its own page cache (SQLite's default, at most 2 MiB), which is why they are few.
 */
final class ReadConnections implements AutoCloseable {
    /** How often a reader waiting for a connection looks whether the database was closed meanwhile. */
    private static final long WAIT_STEP_MILLIS = 100;
    private final Path file;
    private final int max;
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean closed;

    ReadConnections(Path file, int max) {
        if (max < 1) throw new IllegalArgumentException("at least one read connection");
        this.file = file;
        this.max = max;
    }

    /** As many readers as the machine runs threads at once, times two (waiting on the disk is rare for reads), and at least two. */
    static int defaultSize() {
        return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code work} in one read transaction on an idle connection, waiting for one when all are busy. */
    <T> T read(SqlWork<T> work) throws SQLException {
        Connection connection = take();
        boolean healthy = false;
        try {
            T result = work.run(connection);
            connection.commit();   // ends the snapshot: a reader holding one would keep the WAL from being checkpointed
            healthy = true;
            return result;
        } finally {
            if (!healthy) rollbackQuietly(connection);
            give(connection);
        }
    }

    private Connection take() throws SQLException {
        if (closed) throw closedDatabase();
        Connection connection = idle.pollFirst();
        if (connection != null) return connection;
        if (opened.getAndIncrement() < max) {
            try {
                return open();
            } catch (SQLException | RuntimeException e) {
                opened.decrementAndGet();
                throw e;
            }
        }
        opened.decrementAndGet();
        try {
            // the most recently used first: its pages are the warmest; a close meanwhile ends the wait
            while (true) {
                connection = idle.pollFirst(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
                if (connection != null) return connection;
                if (closed) throw closedDatabase();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the embedded database.");
        }
    }

    private void give(Connection connection) {
        if (closed) {
            closeQuietly(connection);
            return;
        }
        idle.offerFirst(connection);
        if (closed && idle.remove(connection)) closeQuietly(connection);   // close() ran meanwhile and missed it
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(EmbeddedDatabase.BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // A read transaction takes no lock until its first statement, and only a shared one then.
        config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = 1");   // a write through a reader would be a bug: it fails loudly
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the work's own failure is what the caller sees; a connection that cannot roll back fails its next use
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing at shut-down: nothing left to do with it
        }
    }

    private static UserPoolException closedDatabase() {
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The embedded database is closed.");
    }

    /** Closes every connection; one in use is closed when its work returns it. */
    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) closeQuietly(connection);
    }
}
