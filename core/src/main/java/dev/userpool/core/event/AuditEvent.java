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
 * One outcome of one use case, success or failure. Every event type is a record holding the same
 * {@link EventFacts}; the type says what happened, the facts say to whom, when, by whom and how it
 * ended. No event ever holds a password, code or token: {@link EventFacts} has no field for one.
 */
public sealed interface AuditEvent {
    EventFacts facts();

    AuditEventType type();

    default UUID eventId() { return facts().eventId(); }
    default Instant occurredAt() { return facts().occurredAt(); }
    default Outcome outcome() { return facts().outcome(); }
    default Optional<ErrorCode> errorCode() { return facts().errorCode(); }
    default Optional<UserId> userId() { return facts().userId(); }
    default String email() { return facts().email(); }
    default Actor actor() { return facts().actor(); }
    default Optional<ConfirmationMethod> method() { return facts().method(); }
    default RequestContext context() { return facts().context(); }
    default Optional<Boolean> passwordChecked() { return facts().passwordChecked(); }

    /** The key events are grouped under: the user's id, or the email when there is no account. */
    default String subjectKey() {
        return userId().map(UserId::value).orElse(email());
    }

    /** Rebuilds an event from its stored parts (the audit-log adapters use this). */
    static AuditEvent of(AuditEventType type, EventFacts facts) {
        return switch (type) {
            case SIGN_UP -> new SignUp(facts);
            case CONFIRMATION_CODE_SENT -> new ConfirmationCodeSent(facts);
            case SIGN_UP_CONFIRMED -> new SignUpConfirmed(facts);
            case VERIFICATION_LINK_SENT -> new VerificationLinkSent(facts);
            case EMAIL_VERIFIED -> new EmailVerified(facts);
            case SIGN_IN -> new SignIn(facts);
            case TOKENS_REFRESHED -> new TokensRefreshed(facts);
            case SIGN_OUT -> new SignOut(facts);
            case PASSWORD_RESET_REQUESTED -> new PasswordResetRequested(facts);
            case PASSWORD_RESET -> new PasswordReset(facts);
            case PASSWORD_CHANGED -> new PasswordChanged(facts);
            case USER_DISABLED -> new UserDisabled(facts);
            case USER_ENABLED -> new UserEnabled(facts);
            case USER_DELETED -> new UserDeleted(facts);
        };
    }

    /** SIGN_UP. */
    record SignUp(EventFacts facts) implements AuditEvent {
        public SignUp { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.SIGN_UP; }
    }

    /** CONFIRMATION_CODE_SENT. */
    record ConfirmationCodeSent(EventFacts facts) implements AuditEvent {
        public ConfirmationCodeSent { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.CONFIRMATION_CODE_SENT; }
    }

    /** SIGN_UP_CONFIRMED. */
    record SignUpConfirmed(EventFacts facts) implements AuditEvent {
        public SignUpConfirmed { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.SIGN_UP_CONFIRMED; }
    }

    /** VERIFICATION_LINK_SENT. */
    record VerificationLinkSent(EventFacts facts) implements AuditEvent {
        public VerificationLinkSent { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.VERIFICATION_LINK_SENT; }
    }

    /** EMAIL_VERIFIED. */
    record EmailVerified(EventFacts facts) implements AuditEvent {
        public EmailVerified { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.EMAIL_VERIFIED; }
    }

    /** SIGN_IN. */
    record SignIn(EventFacts facts) implements AuditEvent {
        public SignIn { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.SIGN_IN; }
    }

    /** TOKENS_REFRESHED. */
    record TokensRefreshed(EventFacts facts) implements AuditEvent {
        public TokensRefreshed { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.TOKENS_REFRESHED; }
    }

    /** SIGN_OUT. */
    record SignOut(EventFacts facts) implements AuditEvent {
        public SignOut { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.SIGN_OUT; }
    }

    /** PASSWORD_RESET_REQUESTED. */
    record PasswordResetRequested(EventFacts facts) implements AuditEvent {
        public PasswordResetRequested { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.PASSWORD_RESET_REQUESTED; }
    }

    /** PASSWORD_RESET. */
    record PasswordReset(EventFacts facts) implements AuditEvent {
        public PasswordReset { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.PASSWORD_RESET; }
    }

    /** PASSWORD_CHANGED. */
    record PasswordChanged(EventFacts facts) implements AuditEvent {
        public PasswordChanged { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.PASSWORD_CHANGED; }
    }

    /** USER_DISABLED. */
    record UserDisabled(EventFacts facts) implements AuditEvent {
        public UserDisabled { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.USER_DISABLED; }
    }

    /** USER_ENABLED. */
    record UserEnabled(EventFacts facts) implements AuditEvent {
        public UserEnabled { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.USER_ENABLED; }
    }

    /** USER_DELETED. */
    record UserDeleted(EventFacts facts) implements AuditEvent {
        public UserDeleted { Objects.requireNonNull(facts, "facts"); }
        @Override public AuditEventType type() { return AuditEventType.USER_DELETED; }
    }
}
