package dev.userpool.app.config;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code USERPOOL_DATA_DIR}) made owner-only at start: it holds the password
 * hashes, the token signing keys, the outbox with its codes and the audit trail. The directory (and
 * every directory in it) becomes 0700 and every file in it 0600, even when it already existed wider —
 * an older version, a copy or a careless {@code chmod} may have left it so. Symbolic links inside are
 * left alone (their targets are not the app's). A directory the app may not tighten (owned by someone
 * else) stops start-up; on a file system without POSIX permissions the app warns and goes on.
 */
public final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    /** Creates {@code dir} if needed and makes it and everything in it owner-only. */
    public static DataDirectory prepare(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(path)) {
                if (path.getParent() != null) Files.createDirectories(path.getParent());
                if (posix) Files.createDirectory(path, PosixFilePermissions.asFileAttribute(DIRECTORY));
                else Files.createDirectory(path);
            }
        } catch (IOException e) {
            throw new InvalidSettingsException("USERPOOL_DATA_DIR=" + dir + " cannot be created: " + e);
        }
        if (!posix) {
            LOG.warn("The data directory {} is on a file system without POSIX permissions: make sure only the account"
                    + " that runs userpool can read it (it holds password hashes and the token signing keys)", path);
            return new DataDirectory(path);
        }
        int tightened = tighten(path, dir);
        if (tightened > 0) LOG.info("Data directory {}: {} entries made owner-only (0700 directories, 0600 files)", path, tightened);
        return new DataDirectory(path);
    }

    public Path path() {
        return path;
    }

    private static int tighten(Path path, Path asGiven) {
        int[] changed = {0};
        try {
            // the data directory itself may be a link the operator made; what is inside it is not followed
            if (restrict(path.toRealPath(), DIRECTORY)) changed[0]++;
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    if (!d.equals(path) && restrict(d, DIRECTORY)) changed[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && restrict(f, FILE)) changed[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;   // gone meanwhile (a -shm file)
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new InvalidSettingsException("USERPOOL_DATA_DIR=" + asGiven + " cannot be made owner-only (0700, files 0600): "
                    + e + ". It holds password hashes and the token signing keys: give userpool a directory its account owns.");
        }
        return changed[0];
    }

    private static boolean restrict(Path p, Set<PosixFilePermission> wanted) throws IOException {
        try {
            if (Files.getPosixFilePermissions(p).equals(wanted)) return false;
            Files.setPosixFilePermissions(p, wanted);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
