package dev.userpool.core.domain;

/**
 * What can happen in the pool; the names are the ones stored and shown. The domain names what its
 * transitions did ({@link User.Transition#happened()}); an audit event adds who, when and how it ended.
 */
public enum AuditEventType {
    SIGN_UP, CONFIRMATION_CODE_SENT, SIGN_UP_CONFIRMED, VERIFICATION_LINK_SENT, EMAIL_VERIFIED,
    SIGN_IN, TOKENS_REFRESHED, SIGN_OUT, PASSWORD_RESET_REQUESTED, PASSWORD_RESET, PASSWORD_CHANGED,
    USER_DISABLED, USER_ENABLED, USER_DELETED,
    /** A sign-in proved a password whose stored hash had outdated parameters, and a new hash replaced it. */
    PASSWORD_REHASHED,
    // Changing the address (issue 13): a new address asked for (a code sent to it), a code sent again,
    // and the change proven by that code. Verifying the account's own address by such a code is EMAIL_VERIFIED.
    EMAIL_CHANGE_REQUESTED, EMAIL_CHANGE_CODE_SENT, EMAIL_CHANGED
}
