package dev.userpool.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.userpool.core.event.AuditEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A spool record's payload as a damaged disk (or a record with a matching checksum by chance) could hold
 * it: it decodes to an event that encodes back to the same payload (a payload of the older version 1
 * encodes as version 2, which decodes to the same event), or it is refused with the
 * {@code IllegalArgumentException} the segment reader treats as damage — any other exception would stop
 * the replay of every event after it.
 */
class SpoolRecordCodecFuzzTest {
    @FuzzTest
    void payload(byte[] payload) {
        AuditEvent event;
        try {
            event = SpoolRecordCodec.decode(payload);
        } catch (IllegalArgumentException damaged) {
            return;
        }
        byte[] record = SpoolRecordCodec.encode(event);
        ByteBuffer header = ByteBuffer.wrap(record, 0, SpoolRecordCodec.HEADER_BYTES);
        int length = header.getInt();
        assertThat(SpoolRecordCodec.plausibleLength(length)).isTrue();
        byte[] again = Arrays.copyOfRange(record, SpoolRecordCodec.HEADER_BYTES, record.length);
        assertThat(SpoolRecordCodec.intact(again, header.getInt())).isTrue();
        if (payload[0] == SpoolRecordCodec.VERSION) assertThat(again).as("encodes back to the same payload").isEqualTo(payload);
        assertThat(SpoolRecordCodec.decode(again)).isEqualTo(event);
    }
}
