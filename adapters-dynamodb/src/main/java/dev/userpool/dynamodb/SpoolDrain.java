package dev.userpool.dynamodb;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Delivers an audit spool that its own process will not replay (a replica that died and will not come
 * back) into the table, from any process: a replica's operator, the CLI ({@code audit drain}).
 *
 * <p>Segments are claimed one at a time with the same exclusive lock their writer held, so a segment
 * whose writer lives is left alone, and drainers running at once share the work without ever reading
 * the same segment. Each event is put on the key it always lands on, on the condition that nothing is
 * there yet: the answer tells an event this drain delivered from one the table already had (its
 * writer delivered it before dying, or a drain that was interrupted did). A segment is deleted, still
 * locked, once every event in it is in the table; one a drain gives up on stays for the next drain,
 * which starts it from the beginning (what is there already is then counted as such, not written twice).
 */
public final class SpoolDrain implements AutoCloseable {
    private static final int PARALLEL_PUTS = 8;
    private static final String UNREADABLE_SUFFIX = ".unreadable";

    /**
     * What a drain did. {@code refused} events DynamoDB refused as invalid (kept in {@code *.rejected}
     * files beside the segments); {@code leftInSpool} events of segments this drain claimed but could not
     * finish (DynamoDB failed: {@code stoppedBecause} says how); {@code segmentsHeldElsewhere} segments
     * that a living process holds (its own spool, or another drain's) and this drain left alone;
     * {@code segmentsNotTried} segments after the one a failure stopped the drain in; {@code keptAside}
     * the files of refused events and of segments the rest of which cannot be read.
     */
    public record Report(long delivered, long alreadyPresent, long refused, long leftInSpool, int segmentsDrained,
                         int segmentsHeldElsewhere, int segmentsNotTried, List<Path> keptAside,
                         Optional<String> stoppedBecause) {
        public Report {
            keptAside = List.copyOf(keptAside);
            Objects.requireNonNull(stoppedBecause, "stoppedBecause");
        }

        /** Events not in the table after this drain (refused, or still in the spool). */
        public long failed() {
            return refused + leftInSpool;
        }
    }

    /** Told as the drain goes, for a progress display. */
    public interface Progress {
        /** A segment was claimed; it holds {@code records} events. */
        void claimed(Path segment, long records);

        /** A batch of events is settled; {@code soFar} counts every batch until now. */
        void settled(Report soFar);

        static Progress none() {
            return new Progress() {
                @Override
                public void claimed(Path segment, long records) {}

                @Override
                public void settled(Report soFar) {}
            };
        }
    }

    private enum Delivery { DELIVERED, ALREADY_PRESENT, REFUSED }

    private final DynamoDbClient client;
    private final String table;
    private final AuditItemMapper mapper;
    private final ExecutorService puts;

    /** The table and the key design (shards, retention) of {@code options}: the same as the replicas' audit logs. */
    public SpoolDrain(DynamoDbClient client, AuditLogOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = options.tableName();
        this.mapper = new AuditItemMapper(options.shards(), options.retention());
        AtomicInteger n = new AtomicInteger();
        this.puts = Executors.newFixedThreadPool(PARALLEL_PUTS, r -> {
            Thread t = new Thread(r, "userpool-audit-drain-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Drains every segment in {@code spoolDir} that no living process holds, oldest first, and stops at
     * the first failure of DynamoDB (what is left waits for the next drain).
     */
    public Report drain(Path spoolDir, Progress progress) {
        Path dir = spoolDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "There is no audit spool directory " + dir + ".");
        }
        Tally tally = new Tally();
        List<Path> segments = segments(dir);
        for (int i = 0; i < segments.size(); i++) {
            Path file = segments.get(i);
            Optional<SpoolSegment> claimed = claim(file);
            if (claimed.isEmpty()) {
                if (Files.exists(file)) tally.heldElsewhere++;
                continue;
            }
            SpoolSegment segment = claimed.get();
            try {
                progress.claimed(file, segment.unreadRecords());
                drainSegment(segment, tally, progress);
            } catch (IOException e) {
                tally.stoppedBecause = Optional.of("the segment " + file + " could not be read or removed: " + e);
            } finally {
                closeQuietly(segment);
            }
            if (tally.stoppedBecause.isPresent()) {
                tally.segmentsNotTried = segments.size() - i - 1;
                break;
            }
        }
        return tally.report();
    }

    @Override
    public void close() {
        puts.shutdownNow();
    }

    private void drainSegment(SpoolSegment segment, Tally tally, Progress progress) throws IOException {
        while (true) {
            SpoolSegment.Read read = segment.read(BatchWriter.MAX_ITEMS);
            if (!read.events().isEmpty()) {
                if (!deliver(segment, read, tally)) return;
                progress.settled(tally.report());
                continue;
            }
            if (read.stop() == SpoolSegment.Stop.CUT_SHORT || read.stop() == SpoolSegment.Stop.DAMAGED) {
                // the writer's replay would not read past it either: kept for inspection, as the replay does
                Path keep = segment.file().resolveSibling(segment.file().getFileName() + UNREADABLE_SUFFIX);
                Files.move(segment.file(), keep, StandardCopyOption.ATOMIC_MOVE);
                tally.keptAside.add(keep);
            } else {
                Files.deleteIfExists(segment.file());   // deleted while still locked: nobody else picks it up
            }
            Spool.forceDirectory(segment.file().getParent());
            tally.segmentsDrained++;
            return;
        }
    }

    /** Puts the batch's events; true when every one is settled and the segment may move past them. */
    private boolean deliver(SpoolSegment segment, SpoolSegment.Read read, Tally tally) throws IOException {
        List<CompletableFuture<Delivery>> pending = new ArrayList<>();
        for (AuditEvent e : read.events()) pending.add(CompletableFuture.supplyAsync(() -> put(e), puts));
        List<AuditEvent> refused = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        long delivered = 0;
        long present = 0;
        for (int i = 0; i < pending.size(); i++) {
            try {
                switch (pending.get(i).join()) {
                    case DELIVERED -> delivered++;
                    case ALREADY_PRESENT -> present++;
                    case REFUSED -> refused.add(read.events().get(i));
                }
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                failure = Optional.of(cause instanceof SdkException s ? DynamoDbErrors.name(s) : String.valueOf(cause));
            }
        }
        tally.delivered += delivered;
        tally.alreadyPresent += present;
        if (failure.isPresent()) {
            // the settled ones are in the table; the segment stays whole, and the next drain finds them present
            tally.leftInSpool += segment.unreadRecords() - delivered - present;
            tally.stoppedBecause = Optional.of("DynamoDB failed (" + failure.get() + ")");
            return false;
        }
        if (!refused.isEmpty()) {
            Path kept = keepRefused(segment.file(), refused);
            if (!tally.keptAside.contains(kept)) tally.keptAside.add(kept);
            tally.refused += refused.size();
        }
        segment.advanceTo(read.end(), read.events().size());
        return true;
    }

    private Delivery put(AuditEvent event) {
        try {
            client.putItem(b -> b.tableName(table).item(mapper.toItem(event))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", AuditKeys.PK)));
            return Delivery.DELIVERED;
        } catch (ConditionalCheckFailedException present) {
            return Delivery.ALREADY_PRESENT;
        } catch (SdkException e) {
            if (DynamoDbErrors.isRefusal(e)) return Delivery.REFUSED;
            throw e;
        }
    }

    private static List<Path> segments(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(Spool.SEGMENT_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the audit spool " + dir, e);
        }
    }

    /** The segment under its exclusive lock, unless a living process holds it or it is gone. */
    private static Optional<SpoolSegment> claim(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the audit spool segment " + file, e);
        }
        try {
            FileLock lock = channel.tryLock();
            // deleted between our open and our lock: its holder drained it, and this is the unlinked file
            if (lock == null || !Files.exists(file)) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new SpoolSegment(file, channel, lock, false));
        } catch (OverlappingFileLockException heldInThisProcess) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not lock the audit spool segment " + file, e);
        }
    }

    /** Events no table will take, kept beside the segment (owner-only), as the replay keeps them. */
    private static Path keepRefused(Path segment, List<AuditEvent> events) throws IOException {
        Path file = segment.resolveSibling(segment.getFileName() + Spool.REJECTED_SUFFIX);
        FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), ownerOnly)) {
            for (AuditEvent e : events) {
                ByteBuffer record = ByteBuffer.wrap(SpoolRecordCodec.encode(e));
                while (record.hasRemaining()) out.write(record);
            }
            out.force(false);
        }
        return file;
    }

    private static void closeQuietly(SpoolSegment segment) {
        try {
            segment.close();
        } catch (IOException ignored) {
            // the lock goes with the channel
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    private static final class Tally {
        long delivered;
        long alreadyPresent;
        long refused;
        long leftInSpool;
        int segmentsDrained;
        int heldElsewhere;
        int segmentsNotTried;
        final List<Path> keptAside = new ArrayList<>();
        Optional<String> stoppedBecause = Optional.empty();

        Report report() {
            return new Report(delivered, alreadyPresent, refused, leftInSpool, segmentsDrained, heldElsewhere,
                    segmentsNotTried, keptAside, stoppedBecause);
        }
    }
}
