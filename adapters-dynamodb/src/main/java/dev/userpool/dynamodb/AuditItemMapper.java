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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One audit event as one DynamoDB item: the keys of {@link AuditKeys}, the TTL attribute, and every
 * field of the event as its own attribute (absent optionals are absent attributes). The event holds
 * no secret, and nothing else is stored: no request body, no header but the user agent.
 */
public final class AuditItemMapper {
    static final String VERSION = "v";
    static final String EVENT_ID = "eventId";
    static final String OCCURRED_AT = "occurredAt";
    static final String TYPE = "type";
    static final String OUTCOME = "outcome";
    static final String ERROR_CODE = "errorCode";
    static final String USER_ID = "userId";
    static final String EMAIL = "email";
    static final String ACTOR_KIND = "actorKind";
    static final String ACTOR_ID = "actorId";
    static final String METHOD = "method";
    static final String REQUEST_ID = "requestId";
    static final String SOURCE_IP = "sourceIp";
    static final String USER_AGENT = "userAgent";
    static final String PASSWORD_CHECKED = "passwordChecked";

    private final int shards;
    private final Duration retention;

    /**
     * @param shards    how many index partitions one day of events is spread over
     * @param retention how long after it happened an event may be deleted by DynamoDB's TTL
     */
    public AuditItemMapper(int shards, Duration retention) {
        if (shards < 1) throw new IllegalArgumentException("shards must be at least 1");
        if (retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be positive");
        this.shards = shards;
        this.retention = retention;
    }

    public Map<String, AttributeValue> toItem(AuditEvent event) {
        EventFacts f = event.facts();
        String sortKey = AuditKeys.sortKey(f.occurredAt(), f.eventId());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AuditKeys.PK, s(AuditKeys.partition(event.subjectKey())));
        item.put(AuditKeys.SK, s(sortKey));
        item.put(AuditKeys.GSI1_PK, s(AuditKeys.dayPartition(AuditKeys.day(f.occurredAt()), AuditKeys.shard(f.eventId(), shards))));
        item.put(AuditKeys.GSI1_SK, s(sortKey));
        item.put(AuditKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt(f.occurredAt()))));
        item.put(VERSION, AttributeValue.fromN("1"));
        item.put(EVENT_ID, s(f.eventId().toString()));
        item.put(OCCURRED_AT, s(AuditKeys.instant(f.occurredAt())));
        item.put(TYPE, s(event.type().name()));
        item.put(OUTCOME, s(f.outcome().name()));
        f.errorCode().ifPresent(c -> item.put(ERROR_CODE, s(c.code())));
        f.userId().ifPresent(id -> item.put(USER_ID, s(id.value())));
        item.put(EMAIL, s(f.email()));
        item.put(ACTOR_KIND, s(f.actor().kind().name()));
        f.actor().id().ifPresent(id -> item.put(ACTOR_ID, s(id.value())));
        f.method().ifPresent(m -> item.put(METHOD, s(m.name())));
        item.put(REQUEST_ID, s(f.context().requestId()));
        f.context().sourceIp().ifPresent(ip -> item.put(SOURCE_IP, s(ip)));
        f.context().userAgent().ifPresent(ua -> item.put(USER_AGENT, s(ua)));
        f.passwordChecked().ifPresent(checked -> item.put(PASSWORD_CHECKED, AttributeValue.fromBool(checked)));
        return item;
    }

    /** Reads an item back; an item this adapter did not write is reported, never guessed at. */
    public AuditEvent toEvent(Map<String, AttributeValue> item) {
        try {
            Optional<ErrorCode> errorCode = optional(item, ERROR_CODE)
                    .map(c -> ErrorCode.fromCode(c).orElseThrow(() -> new IllegalArgumentException("unknown error code " + c)));
            EventFacts facts = new EventFacts(UUID.fromString(required(item, EVENT_ID)),
                    AuditKeys.parseInstant(required(item, OCCURRED_AT)),
                    Outcome.valueOf(required(item, OUTCOME)), errorCode,
                    optional(item, USER_ID).map(UserId::new), required(item, EMAIL),
                    new Actor(Actor.Kind.valueOf(required(item, ACTOR_KIND)), optional(item, ACTOR_ID).map(UserId::new)),
                    optional(item, METHOD).map(ConfirmationMethod::valueOf),
                    new RequestContext(required(item, REQUEST_ID), optional(item, SOURCE_IP), optional(item, USER_AGENT)),
                    Optional.ofNullable(item.get(PASSWORD_CHECKED)).map(AttributeValue::bool));
            return new AuditEvent(AuditEventType.valueOf(required(item, TYPE)), facts);
        } catch (IllegalArgumentException | NullPointerException | UserPoolException e) {
            throw new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE,
                    "An audit item in DynamoDB cannot be read (" + keyOf(item) + "): " + e.getMessage());
        }
    }

    /** When DynamoDB's TTL may delete the event: the retention after it happened, in epoch seconds. */
    long expiresAt(Instant occurredAt) {
        return occurredAt.plus(retention).getEpochSecond();
    }

    int shards() {
        return shards;
    }

    static String keyOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(AuditKeys.PK);
        AttributeValue sk = item.get(AuditKeys.SK);
        return (pk == null ? "?" : pk.s()) + " / " + (sk == null ? "?" : sk.s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) throw new IllegalArgumentException("no string attribute " + name);
        return v.s();
    }

    private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
