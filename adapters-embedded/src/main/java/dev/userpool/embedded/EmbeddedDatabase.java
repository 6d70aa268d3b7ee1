package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite file behind every embedded adapter. It writes through a single connection guarded by a
 * lock: SQLite writes one transaction at a time anyway. A read begun after a write committed sees it, on
 * whichever connection it runs. Expensive work (password hashing) is done by callers outside the lock.
 *
 * <p>WAL mode lets another process (an operator's {@code sqlite3}) read while we write; the busy
 * timeout makes us wait for such a process instead of failing at once.
 *
 * <p>Reads ({@link #read}) run on a few query-only connections of their own ({@link ReadConnections}), so
 * they never wait behind a write and its commit. Checks that run on every request ({@link ActiveSessions})
 * get one more connection with a lock of their own ({@link #watch}).
 *
 * <p>The file holds password hashes, the token signing keys and the outbox: it is owner-only (0600),
 * and so are its {@code -wal} and {@code -shm} files, which SQLite creates with the database file's
 * permissions (so the database file is made 0600 before SQLite first opens it).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final List<String> SQLITE_COMPANIONS = List.of("", "-wal", "-shm", "-journal");

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.atomic.LongAdder roundTrips = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder transactions = new java.util.concurrent.atomic.LongAdder();
    private final ReadConnections readers;
    private final ReentrantLock watchLock = new ReentrantLock();
    private Connection watchConnection;   // opened on first use, guarded by watchLock
    private volatile boolean closed;

    private EmbeddedDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        this.readers = new ReadConnections(file, ReadConnections.defaultSize());
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static EmbeddedDatabase open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
            keepOwnerOnly(absolute);
        } catch (IOException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Cannot create the folder of the embedded database, or make its files owner-only.", e);
        }
        SqliteNativeLibrary.preferCachedCopy();
        Connection connection;
        try {
            connection = config().createConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(absolute, connection);
        try {
            db.transaction(Schema::migrate);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The database file (created empty if new, which SQLite accepts) and its companions: 0600. */
    private static void keepOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        if (Files.notExists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException raced) {
                // another process made it meanwhile: tightened below like any existing one
            }
        }
        for (String suffix : SQLITE_COMPANIONS) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            try {
                if (!Files.getPosixFilePermissions(companion).equals(OWNER_ONLY)) Files.setPosixFilePermissions(companion, OWNER_ONLY);
            } catch (NoSuchFileException absent) {
                // not there (yet): SQLite makes it with the database file's permissions
            }
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // Take the write lock when a transaction begins, so two writers never deadlock upgrading a read lock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    public Path file() {
        return file;
    }

    /** The version the schema was migrated to. */
    public int schemaVersion() {
        return read(Schema::currentVersion);
    }

    /**
     * How many units of work ({@link #transaction} or {@link #read}: each takes the connection once, and a
     * transaction is one commit) ran since the database was opened. What a request costs the shared
     * database is read from it: tests hold the hot paths to a budget.
     */
    public long roundTrips() {
        return roundTrips.sum();
    }

    /**
     * How many of the {@link #roundTrips} were {@link #transaction}s: the writes, each of which takes
     * SQLite's one write lock for every process on the file and waits for its commit to reach the disk.
     */
    public long transactions() {
        return transactions.sum();
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it when it throws. */
    <T> T transaction(SqlWork<T> work) {
        lock.lock();
        roundTrips.increment();
        transactions.increment();
        try {
            ensureUsable();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } finally {
            lock.unlock();
        }
    }

    /** Whether this thread holds the writing connection's lock (inside a {@link #transaction}). */
    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /**
     * Runs read-only {@code work} in a read transaction of its own on one of the {@link ReadConnections}:
     * never behind a write, and it sees everything committed before it began. Not from inside a
     * {@link #transaction}, whose own uncommitted writes it would not see.
     */
    <T> T read(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) throw new IllegalStateException("nested use of the embedded database");
        roundTrips.increment();
        try {
            if (closed) throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The embedded database is closed.");
            return readers.read(work);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Runs read-only {@code work} on the second connection, under its own lock: never behind a write
     * on the first. It sees what is committed, by this process or another, like any other connection.
     * Not counted in {@link #roundTrips}; callers that read tables here count those reads themselves.
     */
    <T> T watch(SqlWork<T> work) {
        watchLock.lock();
        try {
            if (closed) throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The embedded database is closed.");
            if (watchConnection == null) watchConnection = openWatchConnection();
            return work.run(watchConnection);
        } catch (SQLException e) {
            throw unavailable(e);
        } finally {
            watchLock.unlock();
        }
    }

    private Connection openWatchConnection() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        Connection opened = config.createConnection("jdbc:sqlite:" + file);
        try (java.sql.Statement s = opened.createStatement()) {
            s.execute("PRAGMA query_only = 1");   // it only ever reads: a write through it would be a bug
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void ensureUsable() {
        if (closed) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The embedded database is closed.");
        }
        // A nested call would commit the outer transaction half-way; it is a programming error.
        if (lock.getHoldCount() > 1) throw new IllegalStateException("nested use of the embedded database");
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** SQL failures reach callers as the core's error; statements bind values, so no secret is in the cause. */
    static UserPoolException unavailable(SQLException e) {
        return new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "The embedded database failed.", e);
    }

    @Override
    public void close() {
        lock.lock();
        watchLock.lock();
        try {
            if (closed) return;
            closed = true;
            readers.close();
            try {
                if (watchConnection != null) watchConnection.close();
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } finally {
            watchLock.unlock();
            lock.unlock();
        }
    }
}
