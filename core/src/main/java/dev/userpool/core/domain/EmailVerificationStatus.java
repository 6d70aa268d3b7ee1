package dev.userpool.core.domain;

/** What the email-verification service knows of an address. */
public enum EmailVerificationStatus {
    NOT_STARTED, PENDING, VERIFIED, FAILED
}
