package dev.userpool.core.port.out;

import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.RelyingParty;
import dev.userpool.core.domain.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * WebAuthn's wire form and cryptography: the options a browser hands to {@code navigator.credentials}, and
 * the checks of what it answers (attestation at registration, assertion at sign-in) — client data type,
 * challenge, origin, relying party id hash, user presence and verification, signature. Refusals are the
 * core's errors: a wrong origin {@code WebAuthnOriginNotAllowed}, another relying party
 * {@code WebAuthnRelyingPartyMismatch}, an unsupported credential {@code WebAuthnCredentialNotSupported},
 * a wrong challenge, signature or flags {@code NotAuthorized}, malformed JSON {@code InvalidParameter}.
 */
public interface PasskeyCeremonies {

    /** What a registration asks of the authenticator. */
    record CreationOptions(RelyingParty relyingParty, UserId user, String userName, byte[] challenge, long timeoutMillis,
                           List<String> excludedCredentialIds) {
        public CreationOptions {
            Objects.requireNonNull(relyingParty, "relyingParty");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(userName, "userName");
            challenge = challenge.clone();
            excludedCredentialIds = List.copyOf(excludedCredentialIds);
        }
    }

    /** What a sign-in asks of the authenticator (no allowed credentials: passkeys are discoverable). */
    record RequestOptions(RelyingParty relyingParty, byte[] challenge, long timeoutMillis) {
        public RequestOptions {
            Objects.requireNonNull(relyingParty, "relyingParty");
            challenge = challenge.clone();
        }
    }

    /** What an answer must match: the relying party, the challenge posed, whether the user must have been verified. */
    record Expected(RelyingParty relyingParty, byte[] challenge, boolean userVerificationRequired) {
        public Expected {
            Objects.requireNonNull(relyingParty, "relyingParty");
            challenge = challenge.clone();
        }
    }

    /** A credential an attestation proved: what the pool keeps of it. */
    record NewCredential(String credentialId, byte[] publicKeyCose, long signCount, List<String> transports,
                         Optional<String> attachment) {
        public NewCredential {
            Objects.requireNonNull(credentialId, "credentialId");
            publicKeyCose = publicKeyCose.clone();
            transports = List.copyOf(transports);
            Objects.requireNonNull(attachment, "attachment");
        }
    }

    /** What a checked assertion reports: the authenticator's sign count and the user handle it returned. */
    record CheckedAssertion(long signCount, Optional<String> userHandle) {
        public CheckedAssertion {
            Objects.requireNonNull(userHandle, "userHandle");
        }
    }

    /** The {@code PublicKeyCredentialCreationOptionsJSON} for {@code navigator.credentials.create}. */
    String creationOptionsJson(CreationOptions options);

    /** The {@code PublicKeyCredentialRequestOptionsJSON} for {@code navigator.credentials.get}. */
    String requestOptionsJson(RequestOptions options);

    /** Checks a registration answer ({@code RegistrationResponseJSON}) against what was expected. */
    NewCredential verifyRegistration(String credentialJson, Expected expected);

    /** The credential id an assertion ({@code AuthenticationResponseJSON}) names, before it is checked. */
    String assertedCredentialId(String credentialJson);

    /**
     * Checks an assertion against what was expected and the stored passkey's public key (and, as WebAuthn
     * says, its sign count).
     */
    CheckedAssertion verifyAssertion(String credentialJson, Expected expected, Passkey stored);
}
