package dev.userpool.core.domain;

/**
 * Where an account is in its life; the names are Cognito's. {@code FORCE_CHANGE_PASSWORD}: an
 * administrator created it with a temporary password, which the user must replace at the first
 * sign-in. {@code RESET_REQUIRED}: an administrator reset its password; the user must set a new one
 * with a reset code before signing in.
 */
public enum UserStatus {
    UNCONFIRMED,
    CONFIRMED,
    FORCE_CHANGE_PASSWORD,
    RESET_REQUIRED
}
