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
    // groups (issue 13): an operator's changes to the pool's groups and their members
    GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED, USER_ADDED_TO_GROUP, USER_REMOVED_FROM_GROUP
}
