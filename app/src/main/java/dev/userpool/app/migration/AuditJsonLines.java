package dev.userpool.app.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * An audit event as one line of JSON, in the shape the admin API shows events (eventId, type,
 * occurredAt, outcome, errorCode, userId, email, actor, method, passwordChecked, context), and back.
 * An event holds no secret (its facts have no field for one), so the whole event moves.
 */
public final class AuditJsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditJsonLines() {}

    public static String line(AuditEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("eventId", e.eventId().toString());
        o.put("type", e.type().name());
        o.put("occurredAt", e.occurredAt().toString());
        o.put("outcome", e.outcome().name());
        e.errorCode().ifPresent(c -> o.put("errorCode", c.code()));
        e.userId().ifPresent(id -> o.put("userId", id.value()));
        o.put("email", e.email());
        ObjectNode actor = o.putObject("actor").put("kind", e.actor().kind().name());
        e.actor().id().ifPresent(id -> actor.put("id", id.value()));
        e.method().ifPresent(m -> o.put("method", m.name()));
        e.passwordChecked().ifPresent(checked -> o.put("passwordChecked", checked));
        ObjectNode context = o.putObject("context").put("requestId", e.context().requestId());
        e.context().sourceIp().ifPresent(ip -> context.put("sourceIp", ip));
        e.context().userAgent().ifPresent(agent -> context.put("userAgent", agent));
        return o.toString();
    }

    /** The event on {@code text}, line {@code line} of its file; a {@link MigrationFileException} if it is none. */
    public static AuditEvent parse(String text, int line) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MigrationFileException(line, "not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) throw new MigrationFileException(line, "not a JSON object");
        try {
            Outcome outcome = Outcome.valueOf(required(o, "outcome", line));
            EventFacts facts = new EventFacts(UUID.fromString(required(o, "eventId", line)),
                    Instant.parse(required(o, "occurredAt", line)), outcome,
                    optional(o, "errorCode").map(c -> ErrorCode.fromCode(c).orElseThrow(() ->
                            new MigrationFileException(line, "unknown errorCode '" + c + "'"))),
                    optional(o, "userId").map(UserId::new), required(o, "email", line),
                    new Actor(Actor.Kind.valueOf(required(o.path("actor"), "kind", line)),
                            optional(o.path("actor"), "id").map(UserId::new)),
                    optional(o, "method").map(ConfirmationMethod::valueOf),
                    new RequestContext(required(o.path("context"), "requestId", line),
                            optional(o.path("context"), "sourceIp"), optional(o.path("context"), "userAgent")),
                    o.hasNonNull("passwordChecked") ? Optional.of(o.get("passwordChecked").asBoolean()) : Optional.empty());
            return new AuditEvent(AuditEventType.valueOf(required(o, "type", line)), facts);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // an unknown enum name, a malformed id or time, a failure without its error code
            throw new MigrationFileException(line, "not an audit event: " + e.getMessage());
        }
    }

    private static String required(JsonNode o, String field, int line) {
        JsonNode value = o.path(field);
        if (!value.isTextual() || value.asText().isBlank()) throw new MigrationFileException(line, "no '" + field + "'");
        return value.asText();
    }

    private static Optional<String> optional(JsonNode o, String field) {
        JsonNode value = o.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
