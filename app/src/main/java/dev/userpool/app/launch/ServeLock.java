package dev.userpool.app.launch;

import dev.userpool.app.config.InvalidSettingsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The claim a {@code serve} process on the embedded adapters holds on its data directory: an
 * exclusive lock on {@code <data>/serve.lock} for as long as the process lives. Two servers on one
 * directory would share the SQLite database while each keeps state in memory the other cannot see
 * (the per-address attempt limits, the pending SRP challenges, the hashing queue), so the second is refused.
 *
 * <p>The operating system releases the lock when its process ends, however it ends: a server killed
 * with SIGKILL leaves no stale lock behind, only the file, which means nothing without its lock. The
 * file is therefore never deleted: a process that opened it just before a deletion could lock the
 * unlinked file while a third locks a new one, and both would believe they hold the directory.
 *
 * <p>Only {@code serve} takes it; the CLI commands open the database beside a running service.
 */
public final class ServeLock implements AutoCloseable {
    /** The lock file in the data directory; a backup leaves it out (a running server's pid means nothing elsewhere). */
    public static final String FILE_NAME = "serve.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private ServeLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Refused when this directory already has a server: {@link #getMessage} says which and what to do. */
    public static final class DirectoryInUseException extends RuntimeException {
        DirectoryInUseException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lock on {@code dataDir} (creating the directory, owner-only, if it does not exist) and
     * writes this process's id into the file for whoever is refused next.
     *
     * @throws DirectoryInUseException when another process (or this one) holds it
     * @throws InvalidSettingsException when the lock file cannot be created or locked at all
     */
    public static ServeLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            if (!Files.isDirectory(dir)) {
                if (dir.getParent() != null) Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, ownerOnly(dir, "rwx------"));
            }
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnly(dir, "rw-------"));
        } catch (IOException e) {
            throw new InvalidSettingsException("USERPOOL_DATA_DIR=" + dir + " cannot hold the lock file " + file + ": " + e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                Optional<Long> holder = holder(channel);
                channel.close();
                throw inUse(dir, file, holder);
            }
            writePid(channel);
            return new ServeLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InvalidSettingsException("USERPOOL_DATA_DIR=" + dir + ": the lock file " + file + " cannot be locked: " + e);
        }
    }

    public Path file() {
        return file;
    }

    /** Gives the directory up (the process ending does the same). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    /** Null when held elsewhere; a lock this JVM holds already is held elsewhere too (a second server in-process). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException inThisProcess) {
            return null;
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        ByteBuffer pid = ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
        channel.truncate(0);
        while (pid.hasRemaining()) channel.write(pid, pid.position());
        channel.force(false);
    }

    /** The process id the holder wrote; empty in the moment between its lock and its write, or if unreadable. */
    private static Optional<Long> holder(FileChannel channel) {
        try {
            ByteBuffer content = ByteBuffer.allocate(32);
            channel.read(content, 0);
            String text = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
            return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static DirectoryInUseException inUse(Path dir, Path file, Optional<Long> holder) {
        // a pid read in the moment before the holder rewrote the file may be its predecessor's: named only if alive
        String who = holder.filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .map(pid -> "process " + pid).orElse("another process");
        return new DirectoryInUseException("The data directory " + dir + " is already served by " + who
                + ", which holds " + file + ". A second server on the same directory would share its SQLite database"
                + " while keeping attempt limits and pending SRP challenges in its own memory: stop that server first,"
                + " or give this one its own USERPOOL_DATA_DIR. The commands users, audit and mail work beside the"
                + " running server.");
    }

    private static FileAttribute<?>[] ownerOnly(Path where, String permissions) {
        if (!where.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
