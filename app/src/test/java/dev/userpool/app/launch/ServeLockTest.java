package dev.userpool.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode's lock on its data directory: one holder at a time, the holder named to whoever is
 * refused, and nothing left behind by a holder killed outright.
 */
class ServeLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondClaimOnTheSameDirectoryIsRefusedNamingTheDirectoryAndTheHolder() {
        Path data = tmp.resolve("data");
        try (ServeLock first = ServeLock.acquire(data)) {
            assertThatThrownBy(() -> ServeLock.acquire(data))
                    .isInstanceOf(ServeLock.DirectoryInUseException.class)
                    .hasMessageContaining("The data directory " + data + " is already served by process "
                            + ProcessHandle.current().pid())
                    .hasMessageContaining(first.file().toString())
                    .hasMessageContaining("USERPOOL_DATA_DIR");
            try (ServeLock other = ServeLock.acquire(tmp.resolve("elsewhere"))) {
                assertThat(other.file()).isNotEqualTo(first.file());   // another directory is another claim
            }
        }
        ServeLock.acquire(data).close();   // given up on close
    }

    @Test
    void theDirectoryAndTheLockFileAreOwnerOnly() throws Exception {
        Path data = tmp.resolve("new-data");
        try (ServeLock lock = ServeLock.acquire(data)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock.file()))).isEqualTo("rw-------");
            assertThat(Files.readString(lock.file()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aHolderInAnotherProcessIsNamedAndItsLockGoesWithItWhenKilledOutright() throws Exception {
        Path data = tmp.resolve("shared");
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServeLockHolder.class.getName(), data.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo(ServeLockHolder.LOCKED);

            assertThatThrownBy(() -> ServeLock.acquire(data)).isInstanceOf(ServeLock.DirectoryInUseException.class)
                    .hasMessageContaining("served by process " + holder.pid());

            holder.destroyForcibly();   // SIGKILL: no shutdown hook, no close
            assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(data.resolve(ServeLock.FILE_NAME)).as("the file stays; only its lock mattered").exists();
            ServeLock.acquire(data).close();
        } finally {
            holder.destroyForcibly();
        }
    }
}
