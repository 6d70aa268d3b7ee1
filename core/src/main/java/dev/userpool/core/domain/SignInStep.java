package dev.userpool.core.domain;

/**
 * Where a proven password (or SRP proof) leads: a session ({@link SignedIn}), or, for an account an
 * administrator created or gave a temporary password, the {@code NEW_PASSWORD_REQUIRED} challenge
 * ({@link NewPasswordRequired}) that must be answered with a password of the holder's own first.
 */
public sealed interface SignInStep permits SignedIn, NewPasswordRequired {

    /** The account the sign-in concerned. */
    Principal principal();
}
