package dev.userpool.core.port.out;

import dev.userpool.core.domain.VerifiedToken;

/** Checks an ID or access token: signature, issuer, audience or client, token use and expiry. */
public interface TokenVerifier {

    /** The token's facts, or {@code NotAuthorized} when it is not valid now. */
    VerifiedToken verify(String token);
}
