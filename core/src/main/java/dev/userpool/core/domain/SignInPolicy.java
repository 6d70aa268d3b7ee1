package dev.userpool.core.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The pool's sign-in policy: which first factors choice-based sign-in ({@code USER_AUTH}) offers, as
 * Cognito's {@code Policies.SignInPolicy.AllowedFirstAuthFactors}. Like Cognito's, it always holds
 * {@code PASSWORD}: a pool cannot be made one nobody with only a password can sign in to.
 */
public record SignInPolicy(Set<AuthFactor> allowedFirstFactors) {
    public SignInPolicy {
        Objects.requireNonNull(allowedFirstFactors, "allowedFirstFactors");
        if (!allowedFirstFactors.contains(AuthFactor.PASSWORD)) {
            throw UserPoolException.invalidParameter("AllowedFirstAuthFactors", "must include PASSWORD");
        }
        allowedFirstFactors = Collections.unmodifiableSet(EnumSet.copyOf(allowedFirstFactors));
    }

    /** Every factor this pool knows: the local pool's default. */
    public static SignInPolicy allFactors() {
        return new SignInPolicy(EnumSet.allOf(AuthFactor.class));
    }

    public boolean allows(AuthFactor factor) {
        return allowedFirstFactors.contains(factor);
    }
}
