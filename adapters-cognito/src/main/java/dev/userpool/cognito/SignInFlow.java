package dev.userpool.cognito;

/** How a password is proven to Cognito. */
public enum SignInFlow {
    /** The password never leaves this process: an SRP proof answers Cognito's PASSWORD_VERIFIER challenge (default). */
    USER_SRP_AUTH,
    /** The password travels (over TLS) to Cognito, which checks it; the app client must allow ALLOW_USER_PASSWORD_AUTH. */
    USER_PASSWORD_AUTH
}
