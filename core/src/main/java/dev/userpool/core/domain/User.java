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

    /**
     * A new account as an administrator creates it (Cognito's AdminCreateUser): {@code FORCE_CHANGE_PASSWORD}
     * until its holder replaces the temporary password at the first sign-in; the address is verified only
     * when the administrator says so ({@code email_verified}), as on Cognito.
     */
    public static User invited(UserId id, EmailAddress email, boolean emailVerified, Instant at, UserAttributes attributes) {
        return new User(id, email, UserStatus.FORCE_CHANGE_PASSWORD, emailVerified, true, at, attributes);
    }

    /**
     * The holder of a temporary password chose their own (the answer to {@code NEW_PASSWORD_REQUIRED}):
     * {@code NEW_PASSWORD_CHOSEN}, and the account is {@code CONFIRMED}. The address stays as verified as it
     * was: Cognito does not take the first sign-in as proof of the address.
     */
    public Transition chooseNewPassword() {
        if (status != UserStatus.FORCE_CHANGE_PASSWORD) {
            throw UserPoolException.notAuthorized("Invalid session for the user.");
        }
        return new Transition(this, withStatus(UserStatus.CONFIRMED), AuditEventType.NEW_PASSWORD_CHOSEN);
    }

    /**
     * An administrator set the password (Cognito's AdminSetUserPassword): {@code PASSWORD_SET_BY_ADMIN}.
     * A permanent one makes the account {@code CONFIRMED}, whatever it was; a temporary one
     * {@code FORCE_CHANGE_PASSWORD}, to be replaced at the next sign-in.
     */
    public Transition setPasswordByAdmin(boolean permanent) {
        UserStatus next = permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD;
        return new Transition(this, withStatus(next), AuditEventType.PASSWORD_SET_BY_ADMIN);
    }

    /**
     * An administrator reset the password (Cognito's AdminResetUserPassword): {@code PASSWORD_RESET_BY_ADMIN},
     * and the account is {@code RESET_REQUIRED} until its holder sets a new password with a reset code.
     * Only an account whose holder can receive that code may be reset: a confirmed one with a verified
     * address (Cognito's rule), or one already waiting for its reset.
     */
    public Transition resetPasswordByAdmin() {
        if (!emailVerified) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "Cannot reset password for the user as there is no registered/verified email or phone_number");
        }
        if (status == UserStatus.UNCONFIRMED || status == UserStatus.FORCE_CHANGE_PASSWORD) {
            throw UserPoolException.notAuthorized("User password cannot be reset in the current state.");
        }
        return new Transition(this, withStatus(UserStatus.RESET_REQUIRED), AuditEventType.PASSWORD_RESET_BY_ADMIN);
    }

    /**
     * A reset code set a new password: {@code PASSWORD_RESET}; an account an administrator had reset is
     * {@code CONFIRMED} again, any other keeps its status.
     */
    public Transition completePasswordReset() {
        User after = status == UserStatus.RESET_REQUIRED ? withStatus(UserStatus.CONFIRMED) : this;
        return new Transition(this, after, AuditEventType.PASSWORD_RESET);
    }

    /**
     * Whether a reset code may be sent to the holder (ForgotPassword): not while the account waits for its
     * first own password, as on Cognito ("User password cannot be reset in the current state.").
     */
    public void ensurePasswordCanBeReset() {
        if (status == UserStatus.FORCE_CHANGE_PASSWORD) {
            throw UserPoolException.notAuthorized("User password cannot be reset in the current state.");
        }
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
        if (status == UserStatus.RESET_REQUIRED) {
            throw new UserPoolException(ErrorCode.PASSWORD_RESET_REQUIRED, PASSWORD_RESET_REQUIRED);
        }
    }

    /** Cognito's words for an account an administrator reset (PasswordResetRequiredException). */
    public static final String PASSWORD_RESET_REQUIRED = "Password reset required for the user";

    /** Cognito's words for a temporary password used after its validity. */
    public static final String TEMPORARY_PASSWORD_EXPIRED = "Temporary password has expired and must be reset by an administrator.";

    /**
     * Whether a proven password opens a session. A {@code FORCE_CHANGE_PASSWORD} account's proven
     * temporary password opens none: it earns the {@code NEW_PASSWORD_REQUIRED} challenge instead
     * ({@link #needsNewPassword}).
     */
    public boolean canSignIn() {
        return enabled && status == UserStatus.CONFIRMED;
    }

    /** Whether a proven password is a temporary one, to be replaced before any session opens. */
    public boolean needsNewPassword() {
        return enabled && status == UserStatus.FORCE_CHANGE_PASSWORD;
    }

    private User withStatus(UserStatus next) {
        return new User(id, email, next, emailVerified, enabled, createdAt, attributes);
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
     * verified address stays verified, and a confirmed account stays confirmed — except that an
     * administrator may send it back to choosing a password ({@code RESET_REQUIRED} by a reset,
     * {@code FORCE_CHANGE_PASSWORD} by a temporary password); it never becomes unconfirmed again.
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
            if (before.status() != UserStatus.UNCONFIRMED && after.status() == UserStatus.UNCONFIRMED) {
                throw new IllegalArgumentException("a confirmed account stays confirmed");
            }
            if (before.status() == UserStatus.CONFIRMED && after.status() != UserStatus.CONFIRMED
                    && happened != AuditEventType.PASSWORD_RESET_BY_ADMIN && happened != AuditEventType.PASSWORD_SET_BY_ADMIN) {
                throw new IllegalArgumentException("a confirmed account stays confirmed but for an administrator's reset or temporary password");
            }
            if (before.emailVerified() && !after.emailVerified()) {
                throw new IllegalArgumentException("a verified address stays verified");
            }
        }
    }
}
