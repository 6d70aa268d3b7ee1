package dev.userpool.core.service;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.EventFacts;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.out.AuditLog;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Stamps events with an id and the injected clock's time, and hands them to the {@link AuditLog}. */
final class AuditTrail {
    private static final int MAX_EMAIL_CHARS = 254;

    private final AuditLog log;
    private final Clock clock;

    AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Starts the one event of a use case, of the type it attempts; it is recorded by {@code success} or
     * {@code failure}.
     */
    Draft begin(AuditEventType type, String rawEmail, RequestContext context) {
        return new Draft(type, rawEmail, context);
    }

    /**
     * Runs {@code action}, recording one success or one failure event. The event keeps the real
     * error; what the caller sees is decided afterwards by the use case.
     */
    <T> T run(Draft draft, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (UserPoolException e) {
            e.passwordChecked().ifPresent(draft::passwordChecked);
            e.concerning().ifPresent(draft::account);
            draft.failure(e.code());
            throw e;
        } catch (RuntimeException e) {
            draft.failure(ErrorCode.SERVICE_UNAVAILABLE);
            throw e;
        }
        draft.success();
        return result;
    }

    /**
     * Runs a change of an account's state: {@code change} applies the domain's transition once and
     * hands it to the directory. On success the event recorded is the one the transition says
     * happened, about the account it changed; the result is the account after it.
     */
    User change(Draft draft, Supplier<User.Transition> change) {
        return run(draft, () -> {
            User.Transition transition = change.get();
            draft.happened(transition);
            return transition.after();
        });
    }

    /**
     * Validates input before any port is called; invalid input ends the use case with its one
     * failure event.
     */
    <T> T validate(Draft draft, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (UserPoolException e) {
            draft.failure(e.code());
            throw e;
        }
    }

    final class Draft {
        private AuditEventType type;
        private final RequestContext context;
        private String email;
        private Optional<UserId> userId = Optional.empty();
        private Actor actor = Actor.user();
        private Optional<ConfirmationMethod> method = Optional.empty();
        private Optional<Boolean> passwordChecked = Optional.empty();

        private Draft(AuditEventType type, String rawEmail, RequestContext context) {
            this.type = type;
            this.context = context;
            email(rawEmail);
        }

        /** The address as given: normalised like {@code EmailAddress} but kept even when invalid, and bounded. */
        Draft email(String raw) {
            String e = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            e = e.codePoints().filter(c -> !Character.isISOControl(c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            this.email = e.length() > MAX_EMAIL_CHARS ? e.substring(0, MAX_EMAIL_CHARS) : e;
            return this;
        }

        Draft user(UserId id) {
            this.userId = Optional.of(id);
            return this;
        }

        /** The account the use case concerned, by both its names. */
        Draft account(dev.userpool.core.domain.Principal who) {
            user(who.id());
            return email(who.email().value());
        }

        Draft actor(Actor who) {
            this.actor = who;
            return this;
        }

        Draft method(ConfirmationMethod how) {
            this.method = Optional.of(how);
            return this;
        }

        /**
         * What turned out to happen, when only the outcome tells (proving an address code verifies the
         * account's address or changes it, whichever the directory had pending).
         */
        Draft type(AuditEventType happened) {
            this.type = happened;
            return this;
        }

        /** What the domain says happened: the event becomes that, about that account. */
        private void happened(User.Transition transition) {
            this.type = transition.happened();
            user(transition.after().id());
        }

        /** The use case turned out to be another than it began as (a sign-in that ended in a challenge). */
        Draft becomes(AuditEventType happened) {
            this.type = happened;
            return this;
        }

        Draft passwordChecked(boolean checked) {
            this.passwordChecked = Optional.of(checked);
            return this;
        }

        void success() {
            record(Outcome.SUCCESS, Optional.empty());
        }

        void failure(ErrorCode code) {
            record(Outcome.FAILURE, Optional.of(code));
        }

        private void record(Outcome outcome, Optional<ErrorCode> code) {
            log.record(new AuditEvent(type, new EventFacts(UUID.randomUUID(), clock.instant(), outcome, code,
                    userId, email, actor, method, context, passwordChecked)));
        }
    }
}
