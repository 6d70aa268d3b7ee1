package dev.userpool.dynamodb;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AuditItemMapperTest {
    private final AuditItemMapper mapper = new AuditItemMapper(4, Duration.ofDays(400));

    @ParameterizedTest
    @EnumSource(AuditEventType.class)
    void everyFieldOfEveryTypeRoundTrips(AuditEventType type) {
        AuditEvent e = SpoolRecordCodecTest.full(type);
        assertThat(mapper.toEvent(mapper.toItem(e))).isEqualTo(e);
    }

    /**
     * An item as the mapper wrote it when every event type was a record class of its own (commit
     * a0b740d, {@code toItem(AuditEvent.of(SIGN_UP_CONFIRMED, facts))} with 4 shards and 400 days): a
     * table written by that version must read, and new items look the same.
     */
    @Test
    void anItemWrittenBeforeEventsWereOneRecordReadsAndIsWrittenTheSameWay() {
        Map<String, AttributeValue> written = new HashMap<>();
        written.put("actorId", AttributeValue.fromS("admin-1"));
        written.put("actorKind", AttributeValue.fromS("ADMIN"));
        written.put("email", AttributeValue.fromS("alice@example.com"));
        written.put("errorCode", AttributeValue.fromS("CodeMismatch"));
        written.put("eventId", AttributeValue.fromS("0f8fad5b-d9cb-469f-a165-70867728950e"));
        written.put("expiresAt", AttributeValue.fromN("1938841689"));
        written.put("gsi1pk", AttributeValue.fromS("DAY#2030-05-06#0"));
        written.put("gsi1sk", AttributeValue.fromS("2030-05-06T07:08:09.123456789Z#0f8fad5b-d9cb-469f-a165-70867728950e"));
        written.put("method", AttributeValue.fromS("CODE"));
        written.put("occurredAt", AttributeValue.fromS("2030-05-06T07:08:09.123456789Z"));
        written.put("outcome", AttributeValue.fromS("FAILURE"));
        written.put("passwordChecked", AttributeValue.fromBool(false));
        written.put("pk", AttributeValue.fromS("USER#u-1"));
        written.put("requestId", AttributeValue.fromS("req-1"));
        written.put("sk", AttributeValue.fromS("2030-05-06T07:08:09.123456789Z#0f8fad5b-d9cb-469f-a165-70867728950e"));
        written.put("sourceIp", AttributeValue.fromS("203.0.113.9"));
        written.put("type", AttributeValue.fromS("SIGN_UP_CONFIRMED"));
        written.put("userAgent", AttributeValue.fromS("curl/8.5"));
        written.put("userId", AttributeValue.fromS("u-1"));
        written.put("v", AttributeValue.fromN("1"));

        assertThat(mapper.toEvent(written)).isEqualTo(SpoolRecordCodecTest.stored());
        assertThat(mapper.toItem(SpoolRecordCodecTest.stored())).isEqualTo(written);
    }

    @Test
    void theItemHasTheKeysTheTtlAndTheEventsFieldsAndNothingElse() {
        AuditEvent e = SpoolRecordCodecTest.full(AuditEventType.SIGN_UP_CONFIRMED);
        Map<String, AttributeValue> item = mapper.toItem(e);

        assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "gsi1pk", "gsi1sk", "expiresAt", "v", "eventId",
                "occurredAt", "type", "outcome", "errorCode", "userId", "email", "actorKind", "actorId", "method",
                "requestId", "sourceIp", "userAgent");
        assertThat(item.get("pk").s()).isEqualTo("USER#u-1");
        assertThat(item.get("sk").s()).isEqualTo("2030-05-06T07:08:09.123456789Z#" + e.eventId());
        assertThat(item.get("gsi1sk").s()).isEqualTo(item.get("sk").s());
        assertThat(item.get("gsi1pk").s()).isEqualTo("DAY#2030-05-06#" + AuditKeys.shard(e.eventId(), 4));
        assertThat(item.get("errorCode").s()).isEqualTo("ExpiredCode");
        long occurred = Instant.parse("2030-05-06T07:08:09Z").getEpochSecond();
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(occurred + Duration.ofDays(400).toSeconds());
    }

    @Test
    void anEventWithoutAccountIsKeptUnderItsAddressAndAbsentFieldsAreAbsent() {
        AuditEvent e = new AuditEvent(AuditEventType.SIGN_IN, new EventFacts(UUID.randomUUID(),
                Instant.parse("2030-01-01T00:00:00Z"), Outcome.SUCCESS, Optional.empty(), Optional.empty(),
                "nobody@example.com", Actor.system(), Optional.empty(), RequestContext.internal("")));
        Map<String, AttributeValue> item = mapper.toItem(e);

        assertThat(item.get("pk").s()).isEqualTo("USER#nobody@example.com");
        assertThat(item).doesNotContainKeys("errorCode", "userId", "actorId", "method", "sourceIp", "userAgent");
        assertThat(mapper.toEvent(item)).isEqualTo(e);
    }

    @Test
    void anItemThisAdapterDidNotWriteIsReportedNotGuessed() {
        Map<String, AttributeValue> item = new HashMap<>(mapper.toItem(SpoolRecordCodecTest.full(AuditEventType.SIGN_IN)));
        item.put("type", AttributeValue.fromS("SOMETHING_NEW"));

        UserPoolException e = assertRefused(() -> mapper.toEvent(item), ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.getMessage()).contains("USER#u-1");
    }
}
