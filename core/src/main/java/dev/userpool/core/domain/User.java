package dev.userpool.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of an account, and the rules of its state machine. The rules live here so that every
 * directory, embedded or Cognito, is held to the same ones.
 */
public record User(UserId id, EmailAddress email, UserStatus status, boolean emailVerified, boolean enabled,
                   Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new account as sign-up leaves it. */
    public static User signedUp(UserId id, EmailAddress email, Instant at) {
        return new User(id, email, UserStatus.UNCONFIRMED, false, true, at);
    }

    /**
     * The account after confirmation by {@code method}. Only an {@code UNCONFIRMED} account can be
     * confirmed; a code or link proves the address, an operator's word does not.
     */
    public User confirm(ConfirmationMethod method) {
        if (status != UserStatus.UNCONFIRMED) {
            throw UserPoolException.notAuthorized("User cannot be confirmed. Current status is " + status + ".");
        }
        return new User(id, email, UserStatus.CONFIRMED, emailVerified || method.verifiesEmail(), enabled, createdAt);
    }

    /**
     * Link completion once the address is verified: confirms an {@code UNCONFIRMED} account with the
     * address verified; for an account already confirmed it only marks the address verified, so a
     * second completion is harmless.
     */
    public User completeLinkVerification() {
        if (status == UserStatus.UNCONFIRMED) return confirm(ConfirmationMethod.LINK);
        return withEmailVerified(true);
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

    public User withEmailVerified(boolean verified) {
        return new User(id, email, status, verified, enabled, createdAt);
    }

    public User withEnabled(boolean isEnabled) {
        return new User(id, email, status, emailVerified, isEnabled, createdAt);
    }
}
