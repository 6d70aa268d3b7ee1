package dev.userpool.core.domain;

/** Where an account is in its life; the names are Cognito's. */
public enum UserStatus {
    UNCONFIRMED,
    CONFIRMED
}
