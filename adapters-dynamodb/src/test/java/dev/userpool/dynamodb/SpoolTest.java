package dev.userpool.dynamodb;

import static dev.userpool.dynamodb.AuditEvents.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.MutableClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    private final Instant t = Instant.parse("2030-01-01T00:00:00Z");

    private List<AuditEvent> events(int n, int from) {
        List<AuditEvent> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(signIn("u1", t.plusMillis(from + i)));
        return list;
    }

    private static List<AuditEvent> drain(Spool spool, int batchSize) throws IOException {
        List<AuditEvent> all = new ArrayList<>();
        for (var batch = spool.next(batchSize); batch.isPresent(); batch = spool.next(batchSize)) {
            all.addAll(batch.get().events());
            spool.acknowledge(batch.get());
        }
        return all;
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void theBacklogIsCountedInEventsWithTheOldestWaitingOneAlsoForSegmentsTakenOver() throws IOException {
        try (Spool spool = Spool.open(dir, clock)) {
            assertThat(spool.backlogRecords()).isZero();
            assertThat(spool.oldestWaiting()).isEmpty();
            spool.append(events(30, 0));
            spool.append(events(7, 100));
            assertThat(spool.backlogRecords()).isEqualTo(37);
            assertThat(spool.oldestWaiting()).contains(t);

            Spool.Batch batch = spool.next(25).orElseThrow();
            assertThat(spool.backlogRecords()).as("offered is not yet delivered").isEqualTo(37);
            spool.acknowledge(batch);
            assertThat(spool.backlogRecords()).isEqualTo(12);
            assertThat(spool.oldestWaiting()).contains(t.plusMillis(25));
        }
        try (Spool next = Spool.open(dir, clock)) {   // the segment a stopped process left, counted from its start
            assertThat(next.backlogRecords()).isEqualTo(37);
            assertThat(next.oldestWaiting()).contains(t);
            drain(next, 25);
            assertThat(next.backlogRecords()).isZero();
            assertThat(next.oldestWaiting()).isEmpty();
        }
    }

    @Test
    void eventsComeBackInTheOrderTheyWereWrittenAndTheFileGoesWhenDrained() throws IOException {
        List<AuditEvent> first = events(30, 0);
        List<AuditEvent> second = events(7, 100);
        try (Spool spool = Spool.open(dir, clock)) {
            spool.append(first);
            spool.append(second);
            assertThat(spool.hasBacklog()).isTrue();
            assertThat(files(Spool.SEGMENT_SUFFIX)).hasSize(1);

            List<AuditEvent> replayed = drain(spool, 25);

            List<AuditEvent> expected = new ArrayList<>(first);
            expected.addAll(second);
            assertThat(replayed).containsExactlyElementsOf(expected);
            assertThat(spool.hasBacklog()).isFalse();
            assertThat(spool.backlogBytes()).isZero();
            assertThat(files(Spool.SEGMENT_SUFFIX)).isEmpty();
        }
    }

    @Test
    void anUnacknowledgedBatchIsOfferedAgain() throws IOException {
        try (Spool spool = Spool.open(dir, clock)) {
            spool.append(events(3, 0));
            List<AuditEvent> once = spool.next(25).orElseThrow().events();
            List<AuditEvent> again = spool.next(25).orElseThrow().events();
            assertThat(again).containsExactlyElementsOf(once);
        }
    }

    @Test
    void whatWasNotReplayedSurvivesAndTheNextProcessTakesItOver() throws IOException {
        List<AuditEvent> written = events(40, 0);
        try (Spool spool = Spool.open(dir, clock)) {
            spool.append(written);
            spool.acknowledge(spool.next(25).orElseThrow());   // 25 delivered, 15 still waiting
        }   // closed without draining, like a stop during an outage

        try (Spool next = Spool.open(dir, clock)) {
            assertThat(next.hasBacklog()).isTrue();
            // the acknowledged part is only in memory: after a restart it may come again (writes are idempotent)
            assertThat(drain(next, 25)).containsSubsequence(written.subList(25, 40)).hasSizeBetween(15, 40);
            assertThat(files(Spool.SEGMENT_SUFFIX)).isEmpty();
        }
    }

    @Test
    void aSegmentHeldByAnotherLiveSpoolIsNotTakenOver() throws IOException {
        try (Spool owner = Spool.open(dir, clock); Spool other = Spool.open(dir, clock)) {
            owner.append(events(5, 0));
            assertThat(other.adoptOrphans()).isZero();
            assertThat(other.hasBacklog()).isFalse();
            assertThat(owner.hasBacklog()).isTrue();
        }
    }

    @Test
    void aRecordCutShortByACrashIsSetAsideAndEverythingBeforeItIsReplayed() throws IOException {
        List<AuditEvent> written = events(4, 0);
        try (Spool spool = Spool.open(dir, clock)) {
            spool.append(written);
        }
        Path segment = files(Spool.SEGMENT_SUFFIX).get(0);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            byte[] half = SpoolRecordCodec.encode(signIn("u1", t.plusSeconds(9)));
            ch.write(ByteBuffer.wrap(half, 0, half.length / 2));   // the write a kill interrupted
        }

        try (Spool next = Spool.open(dir, clock)) {
            assertThat(drain(next, 25)).containsExactlyElementsOf(written);
            assertThat(next.hasBacklog()).isFalse();
        }
        assertThat(files(Spool.SEGMENT_SUFFIX)).isEmpty();
        assertThat(files(".unreadable")).hasSize(1);
    }

    @Test
    void aDamagedRecordStopsTheReplayThereAndTheFileIsKept() throws IOException {
        List<AuditEvent> written = events(3, 0);
        try (Spool spool = Spool.open(dir, clock)) {
            spool.append(written);
        }
        Path segment = files(Spool.SEGMENT_SUFFIX).get(0);
        int second = SpoolRecordCodec.encode(written.get(0)).length;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, second + 20);
            b.put(0, (byte) (b.get(0) ^ 0x55)).rewind();
            ch.write(b, second + 20);   // one flipped byte inside the second record
        }

        try (Spool next = Spool.open(dir, clock)) {
            assertThat(drain(next, 25)).containsExactly(written.get(0));
        }
        assertThat(files(".unreadable")).hasSize(1);
    }

    @Test
    void rejectedEventsAreKeptButNeverReplayed() throws IOException {
        try (Spool spool = Spool.open(dir, clock)) {
            Path kept = spool.setAsideRejected(events(2, 0));
            assertThat(kept).isRegularFile().hasParent(dir);
            assertThat(kept).isNotEmptyFile();
            assertThat(kept.getFileName().toString()).endsWith(Spool.REJECTED_SUFFIX);
            assertThat(spool.hasBacklog()).isFalse();
        }
        try (Spool next = Spool.open(dir, clock)) {
            assertThat(next.hasBacklog()).isFalse();
        }
    }

    @Test
    void anAppendAfterTheSpoolDrainedStartsANewSegment() throws IOException {
        try (Spool spool = Spool.open(dir, clock)) {
            spool.append(events(2, 0));
            drain(spool, 25);
            spool.append(events(2, 10));
            assertThat(spool.hasBacklog()).isTrue();
            assertThat(drain(spool, 25)).hasSize(2);
        }
    }

    /** Events name people. Before the fix (commit 6e938da, umask 022) this failed: "expected: rwx------ but was: rwxr-xr-x". */
    @Test
    void theSpoolDirectoryAndItsSegmentsAreOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path spoolDir = dir.resolve("audit-spool");
        try (Spool spool = Spool.open(spoolDir, clock)) {
            spool.append(events(3, 0));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDir)))
                    .isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(spoolDir)) {
                List<Path> segments = files.toList();
                assertThat(segments).isNotEmpty();
                for (Path segment : segments) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(segment)))
                            .as(segment.getFileName().toString()).isEqualTo("rw-------");
                }
            }
        }
    }
}
