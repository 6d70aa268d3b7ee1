package dev.userpool.core.event;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One outcome of one use case, success or failure: the type says what happened (or was attempted),
 * the facts say to whom, when, by whom and how it ended. Every type has the same facts, so one record
 * holds them all; the audit logs store the type by its name. No event ever holds a password, code or
 * token: {@link EventFacts} has no field for one.
 */
public record AuditEvent(AuditEventType type, EventFacts facts) {
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(facts, "facts");
    }

    public UUID eventId() { return facts.eventId(); }
    public Instant occurredAt() { return facts.occurredAt(); }
    public Outcome outcome() { return facts.outcome(); }
    public Optional<ErrorCode> errorCode() { return facts.errorCode(); }
    public Optional<UserId> userId() { return facts.userId(); }
    public String email() { return facts.email(); }
    public Actor actor() { return facts.actor(); }
    public Optional<ConfirmationMethod> method() { return facts.method(); }
    public RequestContext context() { return facts.context(); }
    public Optional<Boolean> passwordChecked() { return facts.passwordChecked(); }

    /** The key events are grouped under: the user's id, or the email when there is no account. */
    public String subjectKey() {
        return userId().map(UserId::value).orElse(email());
    }
}
