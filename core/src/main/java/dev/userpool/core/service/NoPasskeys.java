package dev.userpool.core.service;

import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.PasskeyAuthentication;

/**
 * The passkeys of a pool that has none: nobody is offered {@code WEB_AUTHN}, and asking for it is refused
 * alike for every name. Bound until the passkeys (issue 14's WebAuthn slice) are wired in its place.
 */
public final class NoPasskeys implements PasskeyAuthentication {
    static final String UNAVAILABLE = "WEB_AUTHN is not available: this pool has no passkeys.";

    @Override
    public boolean offersPasskey(String username) {
        return false;
    }

    @Override
    public PasskeyChallenge startSignIn(String username, RequestContext context) {
        throw UserPoolException.invalidParameter("PREFERRED_CHALLENGE", UNAVAILABLE);
    }

    @Override
    public Tokens completeSignIn(String username, String session, String credentialJson, RequestContext context) {
        throw UserPoolException.notAuthorized("Invalid session for the user.");
    }
}
