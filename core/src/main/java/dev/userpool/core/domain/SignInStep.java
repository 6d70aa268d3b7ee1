package dev.userpool.core.domain;

/**
 * Where a proven password (or SRP proof) leads: a session ({@link SignedIn}), or, for an account an
 * administrator created or gave a temporary password, the {@code NEW_PASSWORD_REQUIRED} challenge
 * ({@link NewPasswordRequired}) that must be answered with a password of the holder's own first; for an
 * account with a second factor, the code of its authenticator app ({@link MfaRequired}).
 */
public sealed interface SignInStep permits SignedIn, NewPasswordRequired,
        MfaRequired /* issue 14, TOTP: a second factor before the session */ {

    /** The account the sign-in concerned. */
    Principal principal();
}
