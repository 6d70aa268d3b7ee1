package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of an account, and the rules of its state machine. Each change of state is a method
 * that returns a {@link Transition}: the account before and after, and what happened. The rules live
 * here so that every directory, embedded or Cognito, is held to the same ones; a service applies a
 * transition once and hands it to the directory, which stores the state it is given.
 */
public record User(UserId id, EmailAddress email, UserStatus status, boolean emailVerified, boolean enabled,
                   Instant createdAt, UserAttributes attributes) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** A new account as sign-up leaves it. */
    public static User signedUp(UserId id, EmailAddress email, Instant at) {
        return signedUp(id, email, at, UserAttributes.none());
    }

    /** A new account as sign-up leaves it, with the attributes it was given. */
    public static User signedUp(UserId id, EmailAddress email, Instant at, UserAttributes attributes) {
        return new User(id, email, UserStatus.UNCONFIRMED, false, true, at, attributes);
    }

    /**
     * Confirmation by {@code method}: {@code SIGN_UP_CONFIRMED}. Only an {@code UNCONFIRMED} account
     * can be confirmed; a code or link proves the address, an operator's word does not.
     */
    public Transition confirm(ConfirmationMethod method) {
        if (status != UserStatus.UNCONFIRMED) {
            throw UserPoolException.notAuthorized("User cannot be confirmed. Current status is " + status + ".");
        }
        User confirmed = new User(id, email, UserStatus.CONFIRMED, emailVerified || method.verifiesEmail(), enabled,
                createdAt, attributes);
        return new Transition(this, confirmed, AuditEventType.SIGN_UP_CONFIRMED);
    }

    /**
     * Link completion once the address is verified: {@code EMAIL_VERIFIED}. It confirms an
     * {@code UNCONFIRMED} account with the address verified; for an account already confirmed it only
     * marks the address verified, so a second completion changes nothing.
     */
    public Transition completeLinkVerification() {
        User after = status == UserStatus.UNCONFIRMED ? confirm(ConfirmationMethod.LINK).after() : withEmailVerified(true);
        return new Transition(this, after, AuditEventType.EMAIL_VERIFIED);
    }

    /** An operator vouches for the address: {@code EMAIL_VERIFIED}, whatever the status. */
    public Transition verifyEmail() {
        return new Transition(this, withEmailVerified(true), AuditEventType.EMAIL_VERIFIED);
    }

    /** {@code USER_DISABLED}; disabling a disabled account changes nothing. */
    public Transition disable() {
        return new Transition(this, withEnabled(false), AuditEventType.USER_DISABLED);
    }

    /** {@code USER_ENABLED}; enabling an enabled account changes nothing. */
    public Transition enable() {
        return new Transition(this, withEnabled(true), AuditEventType.USER_ENABLED);
    }

    /**
     * {@code ATTRIBUTES_UPDATED}: these attributes set to the values given. The schema decided first
     * which changes are allowed ({@link AttributeSchema#checkChanges}).
     */
    public Transition updateAttributes(java.util.Map<String, String> changes) {
        return new Transition(this, withAttributes(attributes.with(changes)), AuditEventType.ATTRIBUTES_UPDATED);
    }

    /** {@code ATTRIBUTES_DELETED}: these attributes gone; deleting one the account does not have changes nothing. */
    public Transition deleteAttributes(java.util.Collection<String> names) {
        return new Transition(this, withAttributes(attributes.without(names)), AuditEventType.ATTRIBUTES_DELETED);
    }

    /** Throws the error Cognito gives when this account may not sign in; call after the password was proven. */
    public void ensureCanSignIn() {
        if (!enabled) throw UserPoolException.notAuthorized("User is disabled.");
        if (status == UserStatus.UNCONFIRMED) {
            throw new UserPoolException(ErrorCode.USER_NOT_CONFIRMED, "User is not confirmed.");
        }
    }

    public boolean canSignIn() {
        return enabled && status == UserStatus.CONFIRMED;
    }

    private User withEmailVerified(boolean verified) {
        return new User(id, email, status, verified, enabled, createdAt, attributes);
    }

    private User withAttributes(UserAttributes next) {
        return new User(id, email, status, emailVerified, enabled, createdAt, next);
    }

    private User withEnabled(boolean isEnabled) {
        return new User(id, email, status, emailVerified, isEnabled, createdAt, attributes);
    }

    /**
     * One change of an account's state, as the domain decided it: the account {@code before} (as it was
     * read), {@code after}, and what {@code happened}, which is the type of the audit event a successful
     * change records. The state machine only moves forward: the account stays the same account, a
     * confirmed one stays confirmed and a verified address stays verified.
     */
    public record Transition(User before, User after, AuditEventType happened) {
        public Transition {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(happened, "happened");
            if (!before.id().equals(after.id()) || !before.email().equals(after.email())
                    || !before.createdAt().equals(after.createdAt())) {
                throw new IllegalArgumentException("a transition changes the state of one account, not which account");
            }
            if (before.status() == UserStatus.CONFIRMED && after.status() != UserStatus.CONFIRMED) {
                throw new IllegalArgumentException("a confirmed account stays confirmed");
            }
            if (before.emailVerified() && !after.emailVerified()) {
                throw new IllegalArgumentException("a verified address stays verified");
            }
        }
    }
}
