package dev.userpool.core.port.in;

import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import java.util.Objects;

/**
 * Sign-in with a passkey (WebAuthn), the {@code WEB_AUTHN} first factor of Cognito's choice-based
 * sign-in ({@code USER_AUTH}). The seam between the choice-based sign-in, which decides which factors a
 * user may pick, and the passkeys, which pose and check the WebAuthn assertion.
 */
public interface PasskeyAuthentication {

    /**
     * Whether {@code username} (an address or a {@code sub}) names an account holding at least one passkey
     * on a pool where passkeys are on: whether {@code WEB_AUTHN} belongs in its {@code SELECT_CHALLENGE}
     * list. False for unknown names.
     */
    boolean offersPasskey(String username);

    /**
     * Poses the WebAuthn assertion for the account {@code username} names: the request options (JSON, as
     * Cognito's {@code CREDENTIAL_REQUEST_OPTIONS} challenge parameter) and a session that answers them once.
     * Unknown names get options that look alike and can never be answered.
     */
    PasskeyChallenge startSignIn(String username, RequestContext context);

    /**
     * Checks the assertion ({@code credentialJson}, the browser's {@code PublicKeyCredential} as JSON, as
     * Cognito's {@code CREDENTIAL} answer) against the session's challenge and the account's passkeys, and
     * signs in: the tokens, or {@code NotAuthorized} (wrong origin, another user's credential, a sign counter
     * that went back, an unknown, used or expired session). An event either way.
     */
    Tokens completeSignIn(String username, String session, String credentialJson, RequestContext context);

    /** The WebAuthn request options and the session that answers them; the session never prints. */
    record PasskeyChallenge(String requestOptionsJson, String session) {
        public PasskeyChallenge {
            Objects.requireNonNull(requestOptionsJson, "requestOptionsJson");
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String toString() {
            return "PasskeyChallenge[requestOptionsJson=" + requestOptionsJson + ", session=***]";
        }
    }
}
