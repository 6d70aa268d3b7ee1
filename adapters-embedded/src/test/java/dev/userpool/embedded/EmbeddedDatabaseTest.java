package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void opensAFileInFoldersItCreates() {
        Path file = dir.resolve("a/b/c/userpool.db");
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            assertThat(Files.exists(file)).isTrue();
            assertThat(db.file()).isEqualTo(file.toAbsolutePath());
        }
    }

    @Test
    void usesWriteAheadLoggingAndABusyTimeout() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("wal.db"))) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "busy_timeout")).isEqualTo(String.valueOf(EmbeddedDatabase.BUSY_TIMEOUT_MILLIS));
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
        }
    }

    @Test
    void recordsTheSchemaVersionAndMigratesOnlyOnce() {
        Path file = dir.resolve("v.db");
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Schema.latestVersion());
            db.transaction(c -> c.createStatement().executeUpdate("INSERT INTO outbox"
                    + " (recipient, kind, subject, text_body, html_body, sent_at) VALUES ('a@b.co', 'PASSWORD_CHANGED', 's', 't', 'h', 1)"));
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Schema.latestVersion());
            assertThat(count(db, "SELECT COUNT(*) FROM schema_version"))
                    .isEqualTo(Schema.latestVersion());
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        }
    }

    @Test
    void refusesADatabaseFromANewerProgram() {
        Path file = dir.resolve("newer.db");
        try (EmbeddedDatabase db = EmbeddedDatabase.open(file)) {
            db.transaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO schema_version (version) VALUES (" + (Schema.latestVersion() + 1) + ")"));
        }
        var e = assertRefused(() -> EmbeddedDatabase.open(file), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).contains("newer");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("tx.db"))) {
            assertThatThrownBy(() -> db.transaction(c -> {
                insertOutboxRow(c.createStatement());
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isZero();
        }
    }

    @Test
    void sqlErrorsBecomeServiceUnavailableWithoutTheStatement() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("err.db"))) {
            var e = assertRefused(() -> db.read(c -> c.createStatement().executeQuery("SELECT secret FROM nowhere")),
                    ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("The embedded database failed.");
            assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void aClosedDatabaseIsServiceUnavailable() {
        EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("closed.db"));
        db.close();
        db.close();   // closing twice is harmless

        assertRefused(db::schemaVersion, ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void nestedUseIsRefusedRatherThanCommittingHalfATransaction() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("nested.db"))) {
            assertThatThrownBy(() -> db.transaction(c -> db.read(inner -> 1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void manyThreadsWritingAtOnceAllLand() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("busy.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(pool.submit(() -> db.transaction(c -> insertOutboxRow(c.createStatement()))));
            }
            for (Future<?> f : done) f.get();
            pool.shutdown();

            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(200);
        }
    }

    @Test
    void twoHandlesOnOneFileSeeEachOthersWrites() {
        Path file = dir.resolve("shared.db");
        try (EmbeddedDatabase a = EmbeddedDatabase.open(file); EmbeddedDatabase b = EmbeddedDatabase.open(file)) {
            a.transaction(c -> insertOutboxRow(c.createStatement()));
            assertThat(count(b, "SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        }
    }

    @Test
    void theWatchConnectionSeesEveryCommitButCannotWrite() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("watch.db"))) {
            db.transaction(c -> insertOutboxRow(c.createStatement()));
            int seen = db.watch(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(seen).isEqualTo(1);

            assertRefused(() -> db.watch(c -> insertOutboxRow(c.createStatement())), ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        }
    }

    @Test
    void aReadDoesNotWaitForAWriteInProgressAndSeesOnlyWhatIsCommitted() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("readers.db"))) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> slowCommit = writer.submit(() -> db.transaction(c -> {
                insertOutboxRow(c.createStatement());
                written.countDown();
                try {
                    release.await();   // holds the write lock, as a commit waiting for the disk does
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            try {
                assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
                Future<Integer> read = Executors.newSingleThreadExecutor().submit(() -> count(db, "SELECT COUNT(*) FROM outbox"));
                assertThat(read.get(5, TimeUnit.SECONDS)).isZero();
            } finally {
                release.countDown();
            }
            slowCommit.get(10, TimeUnit.SECONDS);
            writer.shutdown();
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(1);
        }
    }

    @Test
    void aReadCannotWrite() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("read-only.db"))) {
            assertRefused(() -> db.read(c -> insertOutboxRow(c.createStatement())), ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isZero();
        }
    }

    @Test
    void manyThreadsReadingWhileOthersWriteAllSeeWholeTransactions() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("mixed.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<Integer>> reads = new ArrayList<>();
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                // two rows per transaction: a reader must never see an odd count
                writes.add(pool.submit(() -> db.transaction(c -> insertOutboxRow(c.createStatement()) + insertOutboxRow(c.createStatement()))));
                reads.add(pool.submit(() -> count(db, "SELECT COUNT(*) FROM outbox")));
            }
            for (Future<?> f : writes) f.get(30, TimeUnit.SECONDS);
            for (Future<Integer> f : reads) assertThat(f.get(30, TimeUnit.SECONDS) % 2).isZero();
            pool.shutdown();
            assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(200);
        }
    }

    @Test
    void aReadSeesOneSnapshotThoughAWriteCommitsBetweenItsStatements() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("snapshot.db"))) {
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                int[] counts = db.read(c -> {
                    int before = countIn(c);
                    try {
                        writer.submit(() -> db.transaction(w -> insertOutboxRow(w.createStatement()))).get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return new int[] {before, countIn(c)};
                });
                assertThat(counts[1]).as("the second statement of the same read").isEqualTo(counts[0]);
                assertThat(count(db, "SELECT COUNT(*) FROM outbox")).isEqualTo(counts[0] + 1);
            } finally {
                writer.shutdown();
            }
        }
    }

    private static int countIn(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void readsAreRefusedOnceTheDatabaseIsClosed() {
        EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("read-closed.db"));
        count(db, "SELECT COUNT(*) FROM outbox");
        db.close();

        assertRefused(() -> count(db, "SELECT COUNT(*) FROM outbox"), ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void theWatchConnectionClosesWithTheDatabase() {
        EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("watch-closed.db"));
        db.watch(c -> 1);
        db.close();

        assertRefused(() -> db.watch(c -> 1), ErrorCode.SERVICE_UNAVAILABLE);
    }

    private static int insertOutboxRow(Statement s) throws java.sql.SQLException {
        return s.executeUpdate("INSERT INTO outbox (recipient, kind, subject, text_body, html_body, sent_at)"
                + " VALUES ('a@b.co', 'PASSWORD_CHANGED', 's', 't', 'h', 1)");
    }

    private static int count(EmbeddedDatabase db, String sql) {
        int n = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
        return n;
    }

    private static String pragma(EmbeddedDatabase db, String name) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("PRAGMA " + name); ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
