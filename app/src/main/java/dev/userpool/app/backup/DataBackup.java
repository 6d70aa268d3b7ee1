package dev.userpool.app.backup;

import dev.userpool.app.launch.ServeLock;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.embedded.DatabaseCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code userpool backup --to FILE}: the data directory as one zip archive, taken while the service
 * runs. The database is copied through SQLite's online backup ({@link DatabaseCopy}), so the archive
 * holds it as of one commit whatever the service writes meanwhile; its {@code -wal} and {@code -shm}
 * are not copied (the online copy already holds what they hold). Every other regular file of the
 * directory is copied as it is (the DynamoDB spool's segments, whose records carry checksums, so a
 * segment copied while being appended to ends in a cut-short record that replay stops at).
 *
 * <p>The archive holds the password hashes and the token signing keys: it is written owner-only (0600)
 * beside its final name and moved there when complete, so no reader ever sees half an archive.
 */
public final class DataBackup {
    static final String DATABASE = "userpool.db";
    /** SQLite's companions of the database: their content is in the online copy. */
    static final Set<String> DATABASE_COMPANIONS = Set.of(DATABASE + "-wal", DATABASE + "-shm", DATABASE + "-journal");

    private DataBackup() {}

    /** Result of a backup, for the summary line. */
    public record Written(Path archive, int files, long bytes) {}

    public static Written create(Path dataDir, Path archive, boolean force, Clock clock, PrintWriter out) {
        Path given = dataDir.toAbsolutePath().normalize();
        Path target = archive.toAbsolutePath().normalize();
        if (!Files.isDirectory(given)) {
            throw new BackupException("The data directory " + given + " does not exist: there is nothing to back up"
                    + " (set USERPOOL_DATA_DIR, or --data-dir, to the service's).");
        }
        Path dir = realPath(given);   // the data directory may be a link the operator made: its files are backed up
        if (target.startsWith(dir) || target.startsWith(given) || (Files.isDirectory(target.getParent())
                && realPath(target.getParent()).startsWith(dir))) {
            throw new BackupException(target + " is inside the data directory " + dir + ": write the backup elsewhere.");
        }
        if (Files.isDirectory(target)) throw new BackupException(target + " is a directory: name the archive file to write.");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new BackupException(target + " exists already: give --force to replace it, or another name.");
        }
        Path parent = target.getParent();
        Path work = workDirectory(parent);
        try {
            out.println("Backing up " + dir + " to " + target);
            out.flush();
            Map<String, BackupManifest.FileEntry> files = new LinkedHashMap<>();
            Path partial = work.resolve("archive.zip.partial");
            long bytes = 0;
            try (FileChannel channel = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                 ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(channel))) {
                Path database = dir.resolve(DATABASE);
                if (Files.isRegularFile(database)) {
                    Path copy = work.resolve(DATABASE);
                    DatabaseCopy.Summary summary = onlineCopy(database, copy);
                    BackupManifest.FileEntry entry = add(zip, DATABASE, copy);
                    files.put(DATABASE, entry);
                    bytes += entry.size();
                    out.printf(Locale.ROOT, "  %-40s %s, %d account(s), schema version %d, integrity ok (SQLite online backup)%n",
                            DATABASE, size(entry.size()), summary.users(), summary.schemaVersion());
                } else {
                    out.println("  (no " + DATABASE + " in " + dir + ": only its other files are backed up)");
                }
                for (Path file : otherFiles(dir)) {
                    String name = entryName(dir, file);
                    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        out.printf("  %-40s skipped: %s%n", name, Files.isSymbolicLink(file) ? "a symbolic link (not followed)"
                                : "not a regular file");
                        continue;
                    }
                    try {
                        BackupManifest.FileEntry entry = add(zip, name, file);
                        files.put(name, entry);
                        bytes += entry.size();
                        out.printf("  %-40s %s%n", name, size(entry.size()));
                    } catch (NoSuchFileException gone) {
                        out.printf("  %-40s gone meanwhile (the service removed it), skipped%n", name);
                    }
                }
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                zip.write(new BackupManifest(BackupManifest.FORMAT, clock.instant(), dir.toString(), files).toBytes());
                zip.closeEntry();
                zip.finish();
                channel.force(true);
            }
            move(partial, target);
            out.printf("Wrote %s (owner-only, 0600): %d file(s), %s. Restore with: userpool restore --from %s%n",
                    target, files.size(), size(bytes), target);
            out.flush();
            return new Written(target, files.size(), bytes);
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup to " + target + ": " + reason(e), e);
        } catch (java.io.UncheckedIOException e) {
            // Files.walk: a file or folder the service removed while the directory was listed, or one it cannot read
            throw new BackupException("Cannot read the data directory " + dir + ": " + reason(e.getCause())
                    + ". Try again; if it persists, check the directory's permissions.", e);
        } finally {
            deleteRecursively(work);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new BackupException("Cannot read " + path + ": " + reason(e), e);
        }
    }

    private static DatabaseCopy.Summary onlineCopy(Path database, Path copy) {
        try {
            return DatabaseCopy.backup(database, copy);
        } catch (UserPoolException e) {
            throw new BackupException(e.getMessage(), e);
        }
    }

    /** Beside the archive (same file system, so the final move is atomic; not the shared /tmp: it holds keys). */
    private static Path workDirectory(Path parent) {
        try {
            return Files.createTempDirectory(parent, ".userpool-backup-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup into " + parent + ": " + reason(e), e);
        }
    }

    private static List<Path> otherFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(dir) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String name = p.getFileName().toString();
                if (p.getParent().equals(dir) && (name.equals(DATABASE) || DATABASE_COMPANIONS.contains(name)
                        || name.equals(ServeLock.FILE_NAME))) {
                    continue;
                }
                files.add(p);
            }
        }
        return files;
    }

    static String entryName(Path dir, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path part : dir.relativize(file)) parts.add(part.toString());
        return String.join("/", parts);
    }

    private static BackupManifest.FileEntry add(ZipOutputStream zip, String name, Path file) throws IOException {
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setLastModifiedTime(Files.getLastModifiedTime(file));
            zip.putNextEntry(entry);
            OutputStream digesting = new DigestOutputStream(new NonClosing(zip), sha256);
            size = in.transferTo(digesting);
            zip.closeEntry();
        }
        return new BackupManifest.FileEntry(size, HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException(target + " exists already: give --force to replace it, or another name.");
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** The operating system's reason (e.g. "Permission denied", "Not a directory"), without a stack trace. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: what is left is owner-only, in a folder named .userpool-backup-* or .*.restore-*
        }
    }

    /** The zip entry's stream, which the digest stream must not close (that would end the archive). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the entry is closed by zip.closeEntry()
        }
    }
}
