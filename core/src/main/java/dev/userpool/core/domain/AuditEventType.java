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
    // issue 13, attributes: an account's attributes changed or were deleted (by its holder or an
    // operator); the pool's schema gained custom attributes (AddCustomAttributes).
    ATTRIBUTES_UPDATED, ATTRIBUTES_DELETED, CUSTOM_ATTRIBUTES_ADDED,
    // Issue 13, admin-created users and password administration (helper "invite"):
    /** An administrator created an account with a temporary password (AdminCreateUser), or sent its invitation again (RESEND). */
    USER_INVITED,
    /** A sign-in proved a temporary password and was answered with the NEW_PASSWORD_REQUIRED challenge. */
    NEW_PASSWORD_REQUIRED,
    /** The holder of a temporary password chose their own, answering NEW_PASSWORD_REQUIRED: the account is confirmed and signed in. */
    NEW_PASSWORD_CHOSEN,
    /** An administrator set an account's password, permanent or temporary (AdminSetUserPassword). */
    PASSWORD_SET_BY_ADMIN,
    /** An administrator reset an account's password (AdminResetUserPassword): RESET_REQUIRED, and a reset code sent. */
    PASSWORD_RESET_BY_ADMIN,
    // groups (issue 13): an operator's changes to the pool's groups and their members
    GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED, USER_ADDED_TO_GROUP, USER_REMOVED_FROM_GROUP,
    // Changing the address (issue 13): a new address asked for (a code sent to it), a code sent again,
    // and the change proven by that code. Verifying the account's own address by such a code is EMAIL_VERIFIED.
    EMAIL_CHANGE_REQUESTED, EMAIL_CHANGE_CODE_SENT, EMAIL_CHANGED,
    // Issue 15, the OAuth 2.0 / OpenID Connect endpoints and managed login (helper "oauth"): an
    // authorization request answered with a code (or refused), the implicit grant's tokens, the token
    // endpoint's grants, a refresh token revoked there, a browser signed in on the managed login pages,
    // and a sign-out at /logout.
    AUTHORIZATION_CODE_ISSUED, IMPLICIT_TOKENS_ISSUED, TOKEN_EXCHANGED, OAUTH_TOKENS_REFRESHED,
    CLIENT_CREDENTIALS_GRANTED, OAUTH_TOKEN_REVOKED, MANAGED_LOGIN_SIGN_IN, LOGOUT
}
