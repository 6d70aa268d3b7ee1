package dev.userpool.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpoolRecordCodecTest {

    static AuditEvent full(AuditEventType type) {
        return new AuditEvent(type, new EventFacts(UUID.randomUUID(), Instant.parse("2030-05-06T07:08:09.123456789Z"),
                Outcome.FAILURE, Optional.of(ErrorCode.EXPIRED_CODE), Optional.of(new UserId("u-1")), "Ünïcødé@example.com",
                Actor.admin(new UserId("admin-1")), Optional.of(ConfirmationMethod.LINK),
                new RequestContext("req-1", Optional.of("2001:db8::1"), Optional.of("Mozilla/5.0 “quoted” 🚲"))));
    }

    /** The event of the records below, as it was before it was stored. */
    static AuditEvent stored() {
        return new AuditEvent(AuditEventType.SIGN_UP_CONFIRMED, new EventFacts(
                UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), Instant.parse("2030-05-06T07:08:09.123456789Z"),
                Outcome.FAILURE, Optional.of(ErrorCode.CODE_MISMATCH), Optional.of(new UserId("u-1")), "alice@example.com",
                Actor.admin(new UserId("admin-1")), Optional.of(ConfirmationMethod.CODE),
                new RequestContext("req-1", Optional.of("203.0.113.9"), Optional.of("curl/8.5")), Optional.of(false)));
    }

    /**
     * A record as the codec wrote it when every event type was a record class of its own (commit
     * a0b740d, by {@code SpoolRecordCodec.encode(AuditEvent.of(SIGN_UP_CONFIRMED, facts))}): a spool left
     * on disk by that version must replay.
     */
    private static final String RECORD_WRITTEN_BEFORE_ONE_EVENT_RECORD = "AAAAsBX8RmECAAAAEVNJR05fVVBfQ09ORklSTUVED4+tW9nLRp+hZXCG"
            + "dyiVDgAAAABxgQhZB1vNFQAAAAdGQUlMVVJFAQAAAAxDb2RlTWlzbWF0Y2gBAAAAA3UtMQAAABFhbGljZUBleGFtcGxlLmNvbQAAAAVBRE1JTgEA"
            + "AAAHYWRtaW4tMQEAAAAEQ09ERQAAAAVyZXEtMQEAAAALMjAzLjAuMTEzLjkBAAAACGN1cmwvOC41AA==";

    @Test
    void aRecordWrittenBeforeEventsWereOneRecordReadsAndIsWrittenTheSameWay() {
        byte[] record = Base64.getDecoder().decode(RECORD_WRITTEN_BEFORE_ONE_EVENT_RECORD);
        int checksum = ByteBuffer.wrap(record).getInt(4);

        assertThat(SpoolRecordCodec.intact(payloadOf(record), checksum)).isTrue();
        assertThat(SpoolRecordCodec.decode(payloadOf(record))).isEqualTo(stored());
        assertThat(SpoolRecordCodec.encode(stored())).isEqualTo(record);
    }

    private static byte[] payloadOf(byte[] record) {
        return Arrays.copyOfRange(record, SpoolRecordCodec.HEADER_BYTES, record.length);
    }

    @ParameterizedTest
    @EnumSource(AuditEventType.class)
    void everyEventComesBackWhole(AuditEventType type) {
        AuditEvent e = full(type);
        byte[] record = SpoolRecordCodec.encode(e);
        int checksum = ByteBuffer.wrap(record).getInt(4);

        assertThat(SpoolRecordCodec.intact(payloadOf(record), checksum)).isTrue();
        assertThat(SpoolRecordCodec.decode(payloadOf(record))).isEqualTo(e);
    }

    @ParameterizedTest
    @EnumSource(value = AuditEventType.class, names = "SIGN_UP")
    void anyFlippedBitIsNoticed(AuditEventType type) {
        byte[] record = SpoolRecordCodec.encode(full(type));
        int checksum = ByteBuffer.wrap(record).getInt(4);
        byte[] payload = payloadOf(record);
        for (int i = 0; i < payload.length; i++) {
            byte[] damaged = payload.clone();
            damaged[i] ^= 0x01;
            assertThat(SpoolRecordCodec.intact(damaged, checksum)).as("byte %d flipped", i).isFalse();
        }
    }
}
