package dev.userpool.dynamodb;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * One audit event as one spool record: {@code [length:int][crc32c:int][payload]}, the payload a
 * versioned list of the event's fields. The checksum tells a whole record from one a crash cut short
 * or a disk damaged; such a record is never replayed as if it were an event.
 */
final class SpoolRecordCodec {
    static final int HEADER_BYTES = 8;
    /** No event comes near this; a larger length means the header itself is damaged. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    /** 2 adds whether a sign-in tested the password; records of version 1 (written before) still read. */
    static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_PASSWORD_CHECKED = 1;

    private SpoolRecordCodec() {}

    static byte[] encode(AuditEvent event) {
        byte[] payload = payload(event);
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        record.putInt(payload.length).putInt(checksum(payload)).put(payload);
        return record.array();
    }

    /** Whether a record header announces a payload this codec could have written. */
    static boolean plausibleLength(int length) {
        return length > 0 && length <= MAX_PAYLOAD_BYTES;
    }

    static boolean intact(byte[] payload, int expectedChecksum) {
        return checksum(payload) == expectedChecksum;
    }

    static AuditEvent decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WITHOUT_PASSWORD_CHECKED) {
                throw new IllegalArgumentException("spool record version " + version);
            }
            AuditEventType type = AuditEventType.valueOf(text(in));
            UUID eventId = new UUID(in.readLong(), in.readLong());
            long seconds = in.readLong();
            int nanos = in.readInt();
            if (nanos < 0 || nanos > 999_999_999) throw new IllegalArgumentException("spool record has nanoseconds " + nanos);
            Instant occurredAt = Instant.ofEpochSecond(seconds, nanos);
            Outcome outcome = Outcome.valueOf(text(in));
            Optional<ErrorCode> errorCode = optional(in).map(c -> ErrorCode.fromCode(c)
                    .orElseThrow(() -> new IllegalArgumentException("unknown error code " + c)));
            Optional<UserId> userId = optional(in).map(UserId::new);
            String email = text(in);
            Actor actor = new Actor(Actor.Kind.valueOf(text(in)), optional(in).map(UserId::new));
            Optional<ConfirmationMethod> method = optional(in).map(ConfirmationMethod::valueOf);
            RequestContext context = new RequestContext(text(in), optional(in), optional(in));
            Optional<Boolean> passwordChecked = version == VERSION ? passwordChecked(in.readByte()) : Optional.empty();
            if (in.read() != -1) throw new IllegalArgumentException("spool record has trailing bytes");
            return new AuditEvent(type, new EventFacts(eventId, occurredAt, outcome, errorCode, userId, email, actor,
                    method, context, passwordChecked));
        } catch (EOFException e) {
            throw new IllegalArgumentException("spool record ends early", e);
        } catch (DateTimeException | UserPoolException e) {
            // an instant out of range, a blank user id: values no event has, so the record is damaged (found by fuzzing)
            throw new IllegalArgumentException("spool record holds an impossible value", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] payload(AuditEvent event) {
        EventFacts f = event.facts();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            text(out, event.type().name());
            out.writeLong(f.eventId().getMostSignificantBits());
            out.writeLong(f.eventId().getLeastSignificantBits());
            out.writeLong(f.occurredAt().getEpochSecond());
            out.writeInt(f.occurredAt().getNano());
            text(out, f.outcome().name());
            optional(out, f.errorCode().map(ErrorCode::code));
            optional(out, f.userId().map(UserId::value));
            text(out, f.email());
            text(out, f.actor().kind().name());
            optional(out, f.actor().id().map(UserId::value));
            optional(out, f.method().map(Enum::name));
            text(out, f.context().requestId());
            optional(out, f.context().sourceIp());
            optional(out, f.context().userAgent());
            out.writeByte(f.passwordChecked().map(checked -> checked ? 1 : 0).orElse(-1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static Optional<Boolean> passwordChecked(byte stored) {
        return switch (stored) {
            case -1 -> Optional.empty();
            case 0 -> Optional.of(false);
            case 1 -> Optional.of(true);
            default -> throw new IllegalArgumentException("spool record has a bad passwordChecked " + stored);
        };
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    // Strings as length + UTF-8: writeUTF's modified UTF-8 stops at 64 KiB and mangles some characters.
    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD_BYTES) throw new IllegalArgumentException("bad string length " + length);
        byte[] utf8 = in.readNBytes(length);
        if (utf8.length != length) throw new EOFException();
        try {   // strictly: malformed UTF-8 is damage, not text to repair with U+FFFD
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("spool record has malformed UTF-8", e);
        }
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) text(out, value.get());
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(text(in));
            default -> throw new IllegalArgumentException("spool record has a bad presence flag");
        };
    }
}
