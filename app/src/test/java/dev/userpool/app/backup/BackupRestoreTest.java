package dev.userpool.app.backup;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.cli.BackupCommand;
import dev.userpool.app.cli.RestoreCommand;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.embedded.DatabaseCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code userpool backup --to FILE} while the service serves and writes, and {@code restore --from FILE}. */
class BackupRestoreTest {
    @TempDir
    Path work;

    @Test
    void aBackupTakenUnderWritesRestoresUsersKeysAndTokens() throws Exception {
        Path original = work.resolve("data");
        Map<String, String> env = new HashMap<>(Map.of("USERPOOL_DATA_DIR", original.toString(),
                // the issuer is the public base URL and the pool id: the same on the restored data
                "USERPOOL_BASE_URL", "https://auth.example.test"));
        Path archive = work.resolve("backups/pool.zip");
        Files.createDirectories(archive.getParent());
        JsonNode tokens;
        String jwks;
        int signedUpBeforeBackup;
        Run backup;
        try (RunningApp app = RunningApp.start(env)) {
            ApiClient api = new ApiClient(app.baseUrl());
            api.register("kept@example.com");
            tokens = api.signIn("kept@example.com", PASSWORD);
            jwks = api.get("/.well-known/jwks.json").text();

            // sign-ups go on while the backup is taken: each one writes the users table and the outbox
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger signedUp = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    ApiClient.Response r = api.signUp("writer-" + i + "@example.com");
                    if (r.status() == 201) signedUp.incrementAndGet();
                    else synchronized (failures) { failures.add(r.status() + " " + r.text()); }
                }
            });
            writer.start();
            awaitAtLeast(signedUp, 3);
            signedUpBeforeBackup = signedUp.get();
            backup = run(new BackupCommand(), "--to", archive.toString(), "--data-dir", original.toString());
            awaitAtLeast(signedUp, signedUp.get() + 2);
            stop.set(true);
            writer.join(30_000);
            assertThat(failures).as("the service's writes while it was backed up").isEmpty();
        }
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backing up " + original, "userpool.db", "integrity ok (SQLite online backup)",
                "Wrote " + archive + " (owner-only, 0600)");
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).contains("userpool.db", "userpool-backup.properties")
                    .doesNotContain("userpool.db-wal", "userpool.db-shm");
        }

        Path restored = work.resolve("restored/data");
        Run restore = run(new RestoreCommand(), "--from", archive.toString(), "--data-dir", restored.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("checksum ok", "integrity ok", "Restored");
        assertThat(Files.getPosixFilePermissions(restored)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(restored)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("what the backup held, nothing more").containsExactly("userpool.db");
        }
        assertThat(DatabaseCopy.check(restored.resolve("userpool.db")).users())
                .as("kept@example.com and every sign-up that finished before the backup began")
                .isGreaterThanOrEqualTo(1 + signedUpBeforeBackup);

        env.put("USERPOOL_DATA_DIR", restored.toString());
        try (RunningApp again = RunningApp.start(env)) {
            ApiClient api = new ApiClient(again.baseUrl());
            assertThat(api.get("/.well-known/jwks.json").text()).as("the same signing keys").isEqualTo(jwks);
            assertThat(api.get("/api/me", tokens.path("accessToken").asText()).json().path("email").asText())
                    .as("an access token issued before the backup").isEqualTo("kept@example.com");
            assertThat(api.signIn("kept@example.com", PASSWORD).path("accessToken").asText()).isNotBlank();
        }
    }

    @Test
    void anExistingArchiveIsReplacedOnlyWithForce() throws Exception {
        Path data = dataDirectoryWithOneUser();
        Path archive = Files.writeString(work.resolve("pool.zip"), "an older backup");
        Run refused = run(new BackupCommand(), "--to", archive.toString(), "--data-dir", data.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains(archive + " exists already: give --force to replace it");
        assertThat(Files.readString(archive)).isEqualTo("an older backup");

        Run forced = run(new BackupCommand(), "--to", archive.toString(), "--data-dir", data.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        try (var left = Files.list(data)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the stopped service's directory, as it was").containsExactly("userpool.db");
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getEntry("userpool.db")).isNotNull();
        }
        assertThat(Files.list(work).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".userpool-backup-"));
    }

    @Test
    void theDirectorysOtherFilesTravelWithTheDatabaseOwnerOnly() throws Exception {
        Path data = dataDirectoryWithOneUser();
        byte[] segment = new byte[70_000];
        new java.util.Random(3).nextBytes(segment);
        Files.write(Files.createDirectories(data.resolve("audit-spool")).resolve("0001-abc.spool"), segment);
        Files.writeString(data.resolve("notes with spaces=and:signs.txt"), "kept");
        Files.createSymbolicLink(data.resolve("elsewhere"), work);
        Files.writeString(data.resolve("serve.lock"), "4242\n");   // a running server's lock: means nothing elsewhere
        Path archive = work.resolve("pool.zip");
        Path linked = Files.createSymbolicLink(work.resolve("data-link"), data);   // USERPOOL_DATA_DIR may be a link
        Run backup = run(new BackupCommand(), "--to", archive.toString(), "--data-dir", linked.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("audit-spool/0001-abc.spool", "68.4 KiB", "3 file(s)")
                .containsPattern("elsewhere +skipped: a symbolic link");

        Path restored = work.resolve("restored");
        assertThat(run(new RestoreCommand(), "--from", archive.toString(), "--data-dir", restored.toString()).code()).isZero();
        assertThat(Files.readAllBytes(restored.resolve("audit-spool/0001-abc.spool"))).isEqualTo(segment);
        assertThat(Files.readString(restored.resolve("notes with spaces=and:signs.txt"))).isEqualTo("kept");
        assertThat(restored.resolve("elsewhere")).doesNotExist();
        assertThat(restored.resolve("serve.lock")).as("the server's lock stays behind").doesNotExist();
        assertThat(Files.getPosixFilePermissions(restored.resolve("audit-spool"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(restored.resolve("audit-spool/0001-abc.spool")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aTargetThatCannotBeWrittenIsRefusedWithTheReason() throws Exception {
        Path data = dataDirectoryWithOneUser();
        Run noFolder = run(new BackupCommand(), "--to", work.resolve("missing/pool.zip").toString(), "--data-dir", data.toString());
        assertThat(noFolder.code()).isEqualTo(1);
        assertThat(noFolder.err()).contains("Cannot write the backup into " + work.resolve("missing"), "no such file or directory");

        Path file = Files.writeString(work.resolve("a-file"), "x");
        Run underAFile = run(new BackupCommand(), "--to", file.resolve("pool.zip").toString(), "--data-dir", data.toString());
        assertThat(underAFile.code()).isEqualTo(1);
        assertThat(underAFile.err()).contains("Cannot write the backup into " + file, "Not a directory");

        Run insideData = run(new BackupCommand(), "--to", data.resolve("pool.zip").toString(), "--data-dir", data.toString());
        assertThat(insideData.code()).isEqualTo(1);
        assertThat(insideData.err()).contains("is inside the data directory");
        Path link = Files.createSymbolicLink(work.resolve("link-to-data"), data);
        Run throughALink = run(new BackupCommand(), "--to", link.resolve("pool.zip").toString(), "--data-dir", data.toString());
        assertThat(throughALink.err()).contains("is inside the data directory");

        Run noData = run(new BackupCommand(), "--to", work.resolve("x.zip").toString(), "--data-dir", work.resolve("nothing").toString());
        assertThat(noData.code()).isEqualTo(1);
        assertThat(noData.err()).contains("does not exist: there is nothing to back up");
    }

    @Test
    void aCorruptTruncatedOrAlteredArchiveIsRefusedAndLeavesNothing() throws Exception {
        Path data = dataDirectoryWithOneUser();
        Path archive = work.resolve("pool.zip");
        assertThat(run(new BackupCommand(), "--to", archive.toString(), "--data-dir", data.toString()).code()).isZero();
        byte[] good = Files.readAllBytes(archive);

        Path random = Files.write(work.resolve("random.zip"), new java.util.Random(7).ints(4096).collect(
                java.io.ByteArrayOutputStream::new, (b, i) -> b.write(i), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());
        assertRefused(random, "is not a userpool backup, or it is damaged");

        Path truncated = Files.write(work.resolve("truncated.zip"), java.util.Arrays.copyOf(good, good.length / 2));
        assertRefused(truncated, "is not a userpool backup, or it is damaged");

        Path altered = work.resolve("altered.zip");
        rewrite(archive, altered, "userpool.db", bytes -> bytes[bytes.length / 2] ^= 0x5a);
        assertRefused(altered, "is damaged: userpool.db is not what the backup wrote");

        Path noManifest = work.resolve("no-manifest.zip");
        rewrite(archive, noManifest, "userpool-backup.properties", null);
        assertRefused(noManifest, "is not a userpool backup: it has no userpool-backup.properties");
    }

    @Test
    void restoreNeverWritesIntoADirectoryWithDataLeastOfAllOneAServiceRunsOn() throws Exception {
        Path data = dataDirectoryWithOneUser();
        Path archive = work.resolve("pool.zip");
        assertThat(run(new BackupCommand(), "--to", archive.toString(), "--data-dir", data.toString()).code()).isZero();
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_DATA_DIR", data.toString()))) {
            Run refused = run(new RestoreCommand(), "--from", archive.toString(), "--data-dir", data.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains(data + " is not empty (it holds ", "userpool.db", "restore never overwrites data",
                    "If a service runs on it, stop it");
            assertThat(new ApiClient(app.baseUrl()).signIn("one@example.com", PASSWORD).path("accessToken").asText()).isNotBlank();
        }
        Path empty = Files.createDirectories(work.resolve("empty"));
        Run intoEmpty = run(new RestoreCommand(), "--from", archive.toString(), "--data-dir", empty.toString());
        assertThat(intoEmpty.code()).as(intoEmpty.err()).isZero();
        assertThat(empty.resolve("userpool.db")).isRegularFile();
    }

    private void assertRefused(Path archive, String why) {
        Path target = work.resolve("restore-" + archive.getFileName());
        Run restore = run(new RestoreCommand(), "--from", archive.toString(), "--data-dir", target.toString());
        assertThat(restore.code()).as(restore.out()).isEqualTo(1);
        assertThat(restore.err()).contains(why);
        assertThat(target).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".restore-"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private interface Change {
        void apply(byte[] bytes);
    }

    /** A copy of the archive with one entry changed, or left out when {@code change} is null. */
    private static void rewrite(Path from, Path to, String name, Change change) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(name) && change == null) continue;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().equals(name)) change.apply(bytes);
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private Path dataDirectoryWithOneUser() {
        Path data = work.resolve("data");
        try (RunningApp app = RunningApp.start(Map.of("USERPOOL_DATA_DIR", data.toString()))) {
            new ApiClient(app.baseUrl()).register("one@example.com");
        }
        return data;
    }

    private static void awaitAtLeast(AtomicInteger count, int wanted) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (count.get() < wanted) {
            if (System.nanoTime() > end) throw new AssertionError("only " + count.get() + " sign-ups in a minute");
            Thread.sleep(20);
        }
    }

    record Run(int code, String out, String err) {}

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
