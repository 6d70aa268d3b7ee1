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
