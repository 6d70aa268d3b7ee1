package dev.userpool.cognito;

/** How a password is proven to Cognito. */
public enum SignInFlow {
    /** The password never leaves this process: an SRP proof answers Cognito's PASSWORD_VERIFIER challenge (default). */
    USER_SRP_AUTH,
    /** The password travels (over TLS) to Cognito, which checks it; the app client must allow ALLOW_USER_PASSWORD_AUTH. */
    USER_PASSWORD_AUTH,
    /**
     * Server-side sign-in: AdminInitiateAuth, signed with the app's IAM credentials (which it already
     * needs for AdminGetUser, AdminConfirmSignUp, …), the password sent over TLS as with
     * {@link #USER_PASSWORD_AUTH}. The app client needs only ALLOW_ADMIN_USER_PASSWORD_AUTH and
     * ALLOW_REFRESH_TOKEN_AUTH: with no public password or SRP flow enabled, nobody who learns the client id
     * can try passwords on Cognito directly, around this app's lockout and audit trail. One round trip,
     * no SRP arithmetic.
     */
    ADMIN_USER_PASSWORD_AUTH
}
