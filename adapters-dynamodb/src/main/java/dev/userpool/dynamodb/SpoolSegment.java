package dev.userpool.dynamodb;

import dev.userpool.core.event.AuditEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One spool file, held under an exclusive file lock by the process that writes or replays it, so
 * that no other process takes it while its owner lives, and any process may take it once the owner
 * has died. Records are read from {@link #readPosition}, which moves only when DynamoDB has them.
 */
final class SpoolSegment {
    /** Why reading stopped. */
    enum Stop { LIMIT, END, CUT_SHORT, DAMAGED }

    record Read(List<AuditEvent> events, long end, Stop stop) {}

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean own;
    private long size;
    private long readPosition;
    private long unreadRecords;

    /** A segment taken over ({@code own} false) is counted through once, so that its backlog is known in records. */
    SpoolSegment(Path file, FileChannel channel, FileLock lock, boolean own) throws IOException {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.own = own;
        this.size = channel.size();
        this.unreadRecords = own ? 0 : countUnread();
    }

    Path file() {
        return file;
    }

    /** Written by this process (as opposed to taken over from one that died). */
    boolean own() {
        return own;
    }

    long size() {
        return size;
    }

    long readPosition() {
        return readPosition;
    }

    long unread() {
        return size - readPosition;
    }

    /** Whole records not yet acknowledged (what a crash cut short or damaged is not counted). */
    long unreadRecords() {
        return unreadRecords;
    }

    /** The {@code records} before {@code position} are in DynamoDB. */
    void advanceTo(long position, int records) {
        if (position < readPosition || position > size) throw new IllegalArgumentException("position " + position);
        if (records < 0 || records > unreadRecords) throw new IllegalArgumentException("records " + records);
        readPosition = position;
        unreadRecords -= records;
    }

    /**
     * Counts the whole records from the read position by their headers alone (a length and a
     * checksum each), stopping where the replay would stop: at a length no record can have or a record
     * cut short. Damage inside a payload is found only by reading it, so it is counted here.
     */
    long countUnread() throws IOException {
        long count = 0;
        long at = readPosition;
        while (size - at >= SpoolRecordCodec.HEADER_BYTES) {
            int length = readFully(at, SpoolRecordCodec.HEADER_BYTES).getInt();
            if (!SpoolRecordCodec.plausibleLength(length) || size - at - SpoolRecordCodec.HEADER_BYTES < length) break;
            at += SpoolRecordCodec.HEADER_BYTES + length;
            count++;
        }
        return count;
    }

    /**
     * Appends whole records and forces them to the disk before returning. On failure the file is cut
     * back to where it was, so no half record stays behind the ones that may follow.
     */
    void append(byte[] records, int count) throws IOException {
        long before = size;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(records);
            long at = before;
            while (buffer.hasRemaining()) at += channel.write(buffer, at);
            channel.force(false);
            size = at;
            unreadRecords += count;
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    /** Up to {@code max} records from the read position, without moving it. */
    Read read(int max) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        long at = readPosition;
        while (events.size() < max) {
            if (at == size) return new Read(events, at, Stop.END);
            if (size - at < SpoolRecordCodec.HEADER_BYTES) return new Read(events, at, Stop.CUT_SHORT);
            ByteBuffer header = readFully(at, SpoolRecordCodec.HEADER_BYTES);
            int length = header.getInt();
            int checksum = header.getInt();
            if (!SpoolRecordCodec.plausibleLength(length)) return new Read(events, at, Stop.DAMAGED);
            if (size - at - SpoolRecordCodec.HEADER_BYTES < length) return new Read(events, at, Stop.CUT_SHORT);
            byte[] payload = readFully(at + SpoolRecordCodec.HEADER_BYTES, length).array();
            if (!SpoolRecordCodec.intact(payload, checksum)) return new Read(events, at, Stop.DAMAGED);
            try {
                events.add(SpoolRecordCodec.decode(payload));
            } catch (IllegalArgumentException e) {
                return new Read(events, at, Stop.DAMAGED);
            }
            at += SpoolRecordCodec.HEADER_BYTES + length;
        }
        return new Read(events, at, Stop.LIMIT);
    }

    /** Releases the file (and its lock) to other processes. */
    void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }

    private ByteBuffer readFully(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) throw new IOException("unexpected end of " + file);
        }
        return buffer.flip();
    }
}
