package dev.userpool.core.event;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What every audit event records. {@code email} is the address as given (normalised when it was
 * valid), because a failure may concern an address that never became an account. The error code is
 * present exactly when the outcome is a failure. {@code passwordChecked} says, for a sign-in, whether
 * the password (or its SRP proof) was actually tested against the account — false when a lockout, an
 * unknown account or a malformed answer stopped it first — so the lockout's effect can be counted from
 * the trail; empty where it does not apply or the directory does not tell (Cognito).
 */
public record EventFacts(UUID eventId, Instant occurredAt, Outcome outcome, Optional<ErrorCode> errorCode,
                         Optional<UserId> userId, String email, Actor actor, Optional<ConfirmationMethod> method,
                         RequestContext context, Optional<Boolean> passwordChecked) {

    /** Facts of an event that tests no password. */
    public EventFacts(UUID eventId, Instant occurredAt, Outcome outcome, Optional<ErrorCode> errorCode,
                      Optional<UserId> userId, String email, Actor actor, Optional<ConfirmationMethod> method,
                      RequestContext context) {
        this(eventId, occurredAt, outcome, errorCode, userId, email, actor, method, context, Optional.empty());
    }

    public EventFacts {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(passwordChecked, "passwordChecked");
        if ((outcome == Outcome.FAILURE) != errorCode.isPresent()) {
            throw new IllegalArgumentException("a failure has an error code, a success has none");
        }
    }
}
