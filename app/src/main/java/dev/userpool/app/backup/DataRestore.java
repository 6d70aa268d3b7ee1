package dev.userpool.app.backup;

import dev.userpool.core.domain.UserPoolException;
import dev.userpool.embedded.DatabaseCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * {@code userpool restore --from FILE}: a backup archive made by {@link DataBackup} unpacked into a data
 * directory that does not exist yet or is empty — never over a directory with data, which may be the one
 * a service is running on. Everything is checked before the directory appears: each file against the
 * size and SHA-256 the archive's manifest lists, the database with {@code PRAGMA integrity_check}. The
 * files are unpacked into a sibling folder and moved into place in one rename, so a failed restore
 * leaves nothing behind, and a service started on the directory sees all of it or nothing.
 */
public final class DataRestore {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private DataRestore() {}

    public record Restored(Path dataDir, int files, long users) {}

    public static Restored restore(Path archive, Path dataDir, PrintWriter out) {
        Path source = archive.toAbsolutePath().normalize();
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) throw new BackupException(source + " is not a file: name a backup made by userpool backup.");
        refuseDirectoryWithData(dir);
        Path staging = null;
        try {
            Files.createDirectories(dir.getParent());
            staging = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".restore-", OWNER_ONLY_DIRECTORY);
            out.println("Restoring " + source + " into " + dir);
            out.flush();
            BackupManifest manifest;
            try (ZipFile zip = new ZipFile(source.toFile())) {
                manifest = unpack(zip, staging, out);
            } catch (ZipException | java.io.EOFException e) {
                throw new BackupException(source + " is not a userpool backup, or it is damaged: " + e.getMessage(), e);
            }
            long users = 0;
            Path database = staging.resolve(DataBackup.DATABASE);
            if (Files.exists(database)) {
                DatabaseCopy.Summary summary = checkDatabase(database);
                users = summary.users();
                out.printf("  %-40s %d account(s), schema version %d, integrity ok%n", DataBackup.DATABASE, summary.users(),
                        summary.schemaVersion());
            }
            refuseDirectoryWithData(dir);   // again: a service may have been started on it meanwhile
            if (Files.isDirectory(dir)) Files.delete(dir);   // empty, checked just now
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
            out.printf("Restored %d file(s) into %s, from the backup of %s taken %s. Start the service with"
                    + " USERPOOL_DATA_DIR=%s.%n", manifest.files().size(), dir, manifest.source(), manifest.taken(), dir);
            out.flush();
            return new Restored(dir, manifest.files().size(), users);
        } catch (IOException e) {
            throw new BackupException("Cannot restore into " + dir + ": " + DataBackup.reason(e), e);
        } finally {
            DataBackup.deleteRecursively(staging);
        }
    }

    /** A directory that exists must be empty: it could hold another pool's data, or be in use by a service. */
    private static void refuseDirectoryWithData(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new BackupException(dir + " exists and is not a directory: restore into a new or empty directory.");
        }
        List<String> inside = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.limit(4).forEach(p -> inside.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new BackupException("Cannot read " + dir + ": " + DataBackup.reason(e), e);
        }
        if (inside.isEmpty()) return;
        throw new BackupException(dir + " is not empty (it holds " + String.join(", ", inside.subList(0, Math.min(3, inside.size())))
                + (inside.size() > 3 ? ", ..." : "") + "): restore never overwrites data. If a service runs on it, stop it;"
                + " then move the directory aside and restore into a new or empty directory.");
    }

    private static BackupManifest unpack(ZipFile zip, Path staging, PrintWriter out) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
        if (manifestEntry == null) {
            throw new BackupException(zip.getName() + " is not a userpool backup: it has no " + BackupManifest.ENTRY + ".");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest = BackupManifest.read(in);
        } catch (BackupException e) {
            throw new BackupException(zip.getName() + " cannot be restored: " + e.getMessage());
        }
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (name.equals(BackupManifest.ENTRY)) continue;
            BackupManifest.FileEntry expected = manifest.files().get(name);
            if (expected == null || entry.isDirectory() || !seen.add(name)) {
                throw new BackupException(zip.getName() + " holds " + name + ", which its manifest does not list: it is not"
                        + " a backup as userpool wrote it.");
            }
            Path file = inside(staging, name);
            Files.createDirectories(file.getParent());
            tighten(staging, file.getParent());
            MessageDigest sha256 = DataBackup.sha256();
            long size = 0;
            try (InputStream in = zip.getInputStream(entry);
                 OutputStream to = Files.newOutputStream(Files.createFile(file, OWNER_ONLY_FILE), StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    size += n;
                    if (size > expected.size()) break;
                    sha256.update(buffer, 0, n);
                    to.write(buffer, 0, n);
                }
            }
            if (size != expected.size() || !HexFormat.of().formatHex(sha256.digest()).equals(expected.sha256())) {
                throw new BackupException(zip.getName() + " is damaged: " + name + " is not what the backup wrote (its size"
                        + " or SHA-256 differs from the manifest's).");
            }
            out.printf("  %-40s %s, checksum ok%n", name, DataBackup.size(size));
        }
        for (String listed : manifest.files().keySet()) {
            if (!seen.contains(listed)) throw new BackupException(zip.getName() + " is incomplete: " + listed + " is missing.");
        }
        return manifest;
    }

    /** The entry's place under the staging folder; a name that would lead out of it is refused. */
    private static Path inside(Path staging, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")) {
            throw new BackupException("The archive holds a file named " + name + ", which cannot be restored safely.");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new BackupException("The archive holds a file named " + name + ", which cannot be restored safely.");
            }
        }
        Path file = staging.resolve(name).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new BackupException("The archive holds a file named " + name + ", which cannot be restored safely.");
        }
        return file;
    }

    /** Folders made under the staging folder are owner-only, like the data directory's own. */
    private static void tighten(Path staging, Path dir) throws IOException {
        for (Path d = dir; d != null && !d.equals(staging) && d.startsWith(staging); d = d.getParent()) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static DatabaseCopy.Summary checkDatabase(Path database) {
        DatabaseCopy.Summary summary;
        try {
            summary = DatabaseCopy.check(database);
        } catch (UserPoolException e) {
            throw new BackupException("The backup's database cannot be restored: " + e.getMessage(), e);
        }
        if (summary.schemaVersion() > DatabaseCopy.latestSchemaVersion()) {
            throw new BackupException("The backup's database has schema version " + summary.schemaVersion()
                    + ", newer than this userpool knows (" + DatabaseCopy.latestSchemaVersion()
                    + "): restore it with the userpool version that made it, or a newer one.");
        }
        return summary;
    }
}
