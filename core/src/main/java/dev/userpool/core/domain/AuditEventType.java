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
    // Passkeys (issue 14), each a success or a refusal like every event: a passkey added
    // (CompleteWebAuthnRegistration), removed by its holder or an administrator, and a sign-in by
    // passkey (the WEB_AUTHN challenge).
    PASSKEY_REGISTERED, PASSKEY_DELETED, PASSKEY_SIGN_IN,
    // Issue 14, choice-based sign-in (USER_AUTH) with emailed codes (helper "userauth"):
    /** A sign-in code was emailed to the account's verified address (EMAIL_OTP). */
    EMAIL_OTP_SENT,
    /** An EMAIL_OTP challenge was posed but no code sent: no account, no verified address, or one that may not sign in. */
    EMAIL_OTP_REFUSED,
    /** A sign-in by an emailed code: the tokens, or why not (wrong, expired or replayed code, lockout). */
    EMAIL_OTP_SIGN_IN,
    /** An operator changed the pool's sign-in policy (AllowedFirstAuthFactors, UpdateUserPool). */
    SIGN_IN_POLICY_CHANGED,
    // Issue 14, TOTP MFA: a new authenticator-app secret handed out; a code proved the app set up; the
    // factors turned on or off (by the holder, or an operator: the event's actor says); a sign-in whose
    // password was right asked for the second factor (SOFTWARE_TOKEN_MFA or MFA_SETUP); the answer to it,
    // a success or a refused code; an operator removed the account's app.
    SOFTWARE_TOKEN_ASSOCIATED, SOFTWARE_TOKEN_VERIFIED, MFA_PREFERENCE_SET, MFA_REQUIRED, MFA_CHALLENGE_ANSWERED,
    MFA_REMOVED_BY_ADMIN,
    // issue 15, app clients and resource servers (CreateUserPoolClient and kin, the pool file)
    APP_CLIENT_CREATED, APP_CLIENT_UPDATED, APP_CLIENT_DELETED, RESOURCE_SERVER_CREATED, RESOURCE_SERVER_UPDATED,
    RESOURCE_SERVER_DELETED,
    // Issue 15, the OAuth 2.0 / OpenID Connect endpoints and managed login (helper "oauth"): an
    // authorization request answered with a code (or refused), the implicit grant's tokens, the token
    // endpoint's grants, a refresh token revoked there, a browser signed in on the managed login pages,
    // and a sign-out at /logout.
    AUTHORIZATION_CODE_ISSUED, IMPLICIT_TOKENS_ISSUED, TOKEN_EXCHANGED, OAUTH_TOKENS_REFRESHED,
    CLIENT_CREDENTIALS_GRANTED, OAUTH_TOKEN_REVOKED, MANAGED_LOGIN_SIGN_IN, LOGOUT,
    // Issue 14, choice-based sign-in (helper "cogapi"):
    /**
     * A USER_AUTH sign-in named no preferred factor and was offered the SELECT_CHALLENGE choice (every name
     * is offered one, with an account or not; the event says which). Never the session.
     */
    FIRST_FACTOR_CHOICE_OFFERED
}
