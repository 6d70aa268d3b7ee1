package dev.userpool.dynamodb;

import dev.userpool.core.event.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, append-only, fsync'd store where events wait while DynamoDB cannot take them, and from
 * which they are replayed in the order they were written.
 *
 * <p>It is a directory of segment files ({@code *.spool}). Each process writes its own segment and
 * holds an exclusive lock on it; a segment whose lock nobody holds was left by a process that died,
 * and is taken over ("adopted") and replayed by the next process that looks. A segment is deleted
 * once DynamoDB has all of it. After a crash a segment may be replayed again from its start: that is
 * safe, because writes are idempotent (the same event lands on the same key).
 *
 * <p>Events name people (addresses, source IPs): a directory the spool creates is owner-only (0700) and
 * every segment it writes is 0600, whatever the umask.
 */
final class Spool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    static final String SEGMENT_SUFFIX = ".spool";
    private static final String NEW_SUFFIX = ".spool.new";
    private static final String UNREADABLE_SUFFIX = ".unreadable";
    static final String REJECTED_SUFFIX = ".rejected";
    /** A new segment is started beyond this, so that a drained part of a long outage can be deleted. */
    private static final long ROTATE_AT_BYTES = 64L << 20;

    /** Events read from one segment; {@link #acknowledge} them once DynamoDB has them. */
    record Batch(SpoolSegment segment, List<AuditEvent> events, long end) {}

    private final Path dir;
    private final Clock clock;
    private final String processTag = UUID.randomUUID().toString().substring(0, 8);
    /** Segments with events DynamoDB does not have yet, in replay order. */
    private final Deque<SpoolSegment> pending = new ArrayDeque<>();
    private final Set<Path> held = new HashSet<>();
    private SpoolSegment active;
    private SpoolSegment rejected;
    private long sequence;
    private boolean closed;

    private Spool(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Opens the spool in {@code dir} (creating it) and takes over what crashed processes left there. */
    static Spool open(Path dir, Clock clock) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path absolute = dir.toAbsolutePath();
            if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
            Files.createDirectory(absolute, ownerOnly(dir, "rwx------"));
        }
        Spool spool = new Spool(dir.toAbsolutePath().normalize(), clock);
        spool.adoptOrphans();
        return spool;
    }

    Path directory() {
        return dir;
    }

    /** Writes {@code events} after everything already waiting, and returns once they are on the disk. */
    synchronized void append(List<AuditEvent> events) throws IOException {
        if (closed) throw new IOException("the spool is closed");
        if (events.isEmpty()) return;
        if (active == null) {
            active = createSegment(SEGMENT_SUFFIX);
            pending.addLast(active);
        }
        active.append(encode(events), events.size());
        if (active.size() >= ROTATE_AT_BYTES) active = null;   // stays pending; the next append starts a new segment
    }

    /** Whether events wait here for DynamoDB. */
    synchronized boolean hasBacklog() {
        return !pending.isEmpty();
    }

    synchronized long backlogBytes() {
        return pending.stream().mapToLong(SpoolSegment::unread).sum();
    }

    /** The events waiting here for DynamoDB. */
    synchronized long backlogRecords() {
        return pending.stream().mapToLong(SpoolSegment::unreadRecords).sum();
    }

    /**
     * When the oldest event waiting here happened: the next one the replay offers. Empty when nothing
     * waits, or when what comes next cannot be read (the replay sets it aside).
     */
    synchronized Optional<Instant> oldestWaiting() throws IOException {
        for (SpoolSegment segment : pending) {
            if (segment.unreadRecords() == 0) continue;
            List<AuditEvent> next = segment.read(1).events();
            return next.isEmpty() ? Optional.empty() : Optional.of(next.get(0).occurredAt());
        }
        return Optional.empty();
    }

    /** The next events to replay, oldest first, up to {@code max}; the same ones again until acknowledged. */
    synchronized Optional<Batch> next(int max) throws IOException {
        while (!pending.isEmpty()) {
            SpoolSegment segment = pending.peekFirst();
            SpoolSegment.Read read = segment.read(max);
            if (!read.events().isEmpty()) return Optional.of(new Batch(segment, read.events(), read.end()));
            switch (read.stop()) {
                case END, LIMIT -> retire(segment);
                case CUT_SHORT, DAMAGED -> setAside(segment, read);
            }
        }
        return Optional.empty();
    }

    /** DynamoDB has the batch: its events are never replayed again, and a drained segment is deleted. */
    synchronized void acknowledge(Batch batch) throws IOException {
        SpoolSegment segment = batch.segment();
        if (!pending.contains(segment)) return;
        segment.advanceTo(batch.end(), batch.events().size());
        if (segment.unread() == 0) retire(segment);
    }

    /**
     * Keeps events DynamoDB refused as invalid in a {@code .rejected} file beside the segments: they
     * are never replayed (they would be refused again), but they are not thrown away either.
     */
    synchronized Path setAsideRejected(List<AuditEvent> events) throws IOException {
        if (closed) throw new IOException("the spool is closed");
        if (rejected == null) rejected = createSegment(REJECTED_SUFFIX);
        rejected.append(encode(events), events.size());
        return rejected.file();
    }

    /** Takes over segments whose writer has died; returns how many. */
    synchronized int adoptOrphans() throws IOException {
        if (closed) return 0;
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(f -> !held.contains(f)).sorted().toList();
        }
        List<SpoolSegment> adopted = new ArrayList<>();
        for (Path file : candidates) {
            String name = file.getFileName().toString();
            if (name.endsWith(NEW_SUFFIX)) {
                deleteIfUnlocked(file);   // a segment whose creation a crash interrupted: it never held a record
            } else if (name.endsWith(SEGMENT_SUFFIX)) {
                tryAdopt(file).ifPresent(adopted::add);
            }
        }
        for (int i = adopted.size() - 1; i >= 0; i--) pending.addFirst(adopted.get(i));   // older work first
        if (!adopted.isEmpty()) {
            LOG.info("Took over {} audit spool segment(s) left in {} by a process that stopped; replaying {} bytes",
                    adopted.size(), dir, adopted.stream().mapToLong(SpoolSegment::unread).sum());
        }
        return adopted.size();
    }

    /** Releases every segment to the next process; whatever is still pending stays on the disk. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        long waiting = backlogBytes();
        for (SpoolSegment segment : pending) closeQuietly(segment);
        if (rejected != null) closeQuietly(rejected);
        pending.clear();
        held.clear();
        active = null;
        if (waiting > 0) {
            LOG.warn("{} bytes of audit events still wait in the spool {}; they are sent to DynamoDB when userpool"
                    + " next starts with this spool directory", waiting, dir);
        }
    }

    private static byte[] encode(List<AuditEvent> events) {
        ByteArrayOutputStream records = new ByteArrayOutputStream(events.size() * 256);
        for (AuditEvent e : events) records.writeBytes(SpoolRecordCodec.encode(e));
        return records.toByteArray();
    }

    /**
     * A new file of this process: created under a temporary name, locked, then renamed, so that no
     * other process ever sees it unlocked and takes it for an orphan.
     */
    private SpoolSegment createSegment(String suffix) throws IOException {
        String name = String.format(Locale.ROOT, "%019d-%s-%06d", clock.millis(), processTag, sequence++);
        Path temporary = dir.resolve(name + NEW_SUFFIX);
        Path file = dir.resolve(name + suffix);
        FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE), ownerOnly(dir, "rw-------"));
        try {
            FileLock lock = channel.lock();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            held.add(file);
            return new SpoolSegment(file, channel, lock, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** The permissions as a creation attribute, where the file system has POSIX permissions. */
    private static FileAttribute<?>[] ownerOnly(Path where, String permissions) {
        if (!where.getFileSystem().supportedFileAttributeViews().contains("posix")) return new FileAttribute<?>[0];
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    private Optional<SpoolSegment> tryAdopt(Path file) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return Optional.empty();   // its owner finished it meanwhile
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null || !Files.exists(file)) {   // alive elsewhere, or finished and deleted as we opened it
                if (lock != null) lock.release();
                channel.close();
                return Optional.empty();
            }
            SpoolSegment segment = new SpoolSegment(file, channel, lock, false);
            held.add(file);
            return Optional.of(segment);
        } catch (OverlappingFileLockException inThisProcess) {
            channel.close();   // another audit log in this JVM owns it
            return Optional.empty();
        }
    }

    private void deleteIfUnlocked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                Files.deleteIfExists(file);
                lock.release();
            }
        } catch (NoSuchFileException | OverlappingFileLockException busy) {
            // finished meanwhile, or being created by this process right now
        }
    }

    /** Every record of the segment is in DynamoDB: the file goes. */
    private void retire(SpoolSegment segment) throws IOException {
        pending.remove(segment);
        if (segment == active) active = null;
        Files.deleteIfExists(segment.file());   // deleted while still locked: no other process can pick it up
        held.remove(segment.file());
        segment.close();
        forceDirectory();
    }

    /**
     * The rest of the segment cannot be read: a record a crash cut short (its writer never returned
     * to a caller) or damaged bytes. The file is kept under another name for inspection.
     */
    private void setAside(SpoolSegment segment, SpoolSegment.Read read) throws IOException {
        pending.remove(segment);
        if (segment == active) active = null;
        long unreadable = segment.size() - read.end();
        Path keep = segment.file().resolveSibling(segment.file().getFileName() + UNREADABLE_SUFFIX);
        Files.move(segment.file(), keep, StandardCopyOption.ATOMIC_MOVE);
        held.remove(segment.file());
        segment.close();
        forceDirectory();
        if (read.stop() == SpoolSegment.Stop.CUT_SHORT) {
            LOG.warn("The last {} bytes of audit spool segment {} are a record cut short by a crash (no caller was told"
                    + " it was stored); everything before it was replayed. The file is kept as {}", unreadable,
                    segment.file(), keep);
        } else {
            LOG.error("{} bytes of audit spool segment {} are damaged and cannot be replayed; everything before them"
                    + " was. The file is kept as {} for inspection", unreadable, segment.file(), keep);
        }
    }

    private void forceDirectory() {
        forceDirectory(dir);
    }

    /** Makes a new, renamed or deleted file name in {@code dir} durable (Linux needs the directory synced too). */
    static void forceDirectory(Path dir) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UncheckedIOException notSupported) {
            // some platforms cannot open a directory; there the rename itself is all we can do
        }
    }

    private static void closeQuietly(SpoolSegment segment) {
        try {
            segment.close();
        } catch (IOException e) {
            LOG.warn("Could not close audit spool segment {}", segment.file(), e);
        }
    }
}
