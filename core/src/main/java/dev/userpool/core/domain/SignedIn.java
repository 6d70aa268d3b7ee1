package dev.userpool.core.domain;

import java.util.Objects;

/**
 * A session an authenticator opened (or renewed): whose it is, its tokens, and whether the sign-in
 * replaced an outdated password hash with one of the configured cost (which the core audits). Prints no token.
 */
public record SignedIn(Principal principal, Tokens tokens, boolean passwordRehashed) implements SignInStep {
    public SignedIn {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** A sign-in that changed no password hash. */
    public SignedIn(Principal principal, Tokens tokens) {
        this(principal, tokens, false);
    }
}
