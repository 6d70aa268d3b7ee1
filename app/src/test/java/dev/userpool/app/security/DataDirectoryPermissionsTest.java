package dev.userpool.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory holds the password hashes, the token signing keys, the outbox with its codes and
 * the audit trail: it is owner-only (0700) from start, even when it already existed with wider
 * permissions, and so is every file the app keeps in it (0600: the SQLite database and its
 * {@code -wal} and {@code -shm} files, spool files, anything left there before), whatever the umask.
 *
 * <p>Observed against the code before the fix (commit 6e938da, umask 022): both tests failed with
 * "expected: rwx------ but was: rwxr-xr-x" — a new data directory was made 0755, and a restart left an
 * existing 0755 directory as it was (and its files, and the database SQLite created, at the umask's 0644).
 */
class DataDirectoryPermissionsTest {
    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
    }

    @Test
    void aNewDataDirectoryAndTheDatabaseAreOwnerOnly() throws IOException {
        Path data = temp.resolve("data");
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_DATA_DIR", data.toString()))) {
            new ApiClient(app.baseUrl()).register("owner@example.com");   // writes: the WAL and its index exist
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(Files.exists(data.resolve("userpool.db-wal"))).isTrue();
            assertThat(Files.exists(data.resolve("userpool.db-shm"))).isTrue();
            for (String file : List.of("userpool.db", "userpool.db-wal", "userpool.db-shm")) {
                assertThat(mode(data.resolve(file))).as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingDataDirectoryIsTightenedAtStart() throws IOException {
        Path data = temp.resolve("existing");
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_DATA_DIR", data.toString()))) {
            new ApiClient(app.baseUrl()).register("owner@example.com");
        }
        // as an older version, a copy or a careless chmod left it
        Files.createDirectories(data.resolve("audit-spool"));
        Files.writeString(data.resolve("audit-spool").resolve("0000000000001-1-000001.spool"), "events");
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_DATA_DIR", data.toString()))) {
            new ApiClient(app.baseUrl()).register("second@example.com");
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : all.toList()) {
                    assertThat(mode(p)).as(data.relativize(p).toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                }
            }
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
