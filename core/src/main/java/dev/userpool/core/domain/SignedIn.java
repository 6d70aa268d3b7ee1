package dev.userpool.core.domain;

import java.util.Objects;

/** A session an authenticator opened (or renewed): whose it is, and its tokens. Prints no token. */
public record SignedIn(Principal principal, Tokens tokens) {
    public SignedIn {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(tokens, "tokens");
    }
}
