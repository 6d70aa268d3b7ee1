package dev.userpool.embedded;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadAlgorithmException;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.CrossOriginException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.PasskeyCeremonies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * WebAuthn with webauthn4j: the options as WebAuthn's JSON (what Cognito hands out as CredentialCreationOptions
 * and CREDENTIAL_REQUEST_OPTIONS), and the checks of the browser's answers — client data type, challenge,
 * origin (exactly the relying party's), the relying party id's hash, user presence, user verification where
 * required, the attestation statement ({@code none} and the common formats; no trust path is demanded, as
 * Cognito's) and the assertion's signature and sign count against the stored key.
 */
public final class WebAuthn4jCeremonies implements PasskeyCeremonies {
    /** ES256 and RS256, the algorithms Cognito's options offer, in its order. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    /**
     * webauthn4j and its Jackson 3 load some 850 classes when built: made at the first passkey ceremony,
     * not at start-up, so a pool whose users never use passkeys does not pay for them (issue 12's start-up).
     */
    private record Engine(ObjectConverter converter, WebAuthnManager webAuthn) {
        static Engine create() {
            ObjectConverter converter = new ObjectConverter();
            return new Engine(converter, WebAuthnManager.createNonStrictWebAuthnManager(converter));
        }
    }

    private volatile Engine engine;

    private Engine engine() {
        Engine made = engine;
        if (made == null) {
            synchronized (this) {
                made = engine;
                if (made == null) engine = made = Engine.create();
            }
        }
        return made;
    }

    private ObjectConverter converter() {
        return engine().converter();
    }

    private WebAuthnManager webAuthn() {
        return engine().webAuthn();
    }

    @Override
    public String creationOptionsJson(CreationOptions o) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", b64(o.challenge()));
        options.put("rp", Map.of("id", o.relyingParty().id(), "name", o.relyingParty().name()));
        options.put("user", Map.of("id", b64(o.user().value().getBytes(StandardCharsets.UTF_8)), "name", o.userName(),
                "displayName", o.userName()));
        options.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(p -> Map.of("type", "public-key", "alg", p.getAlg().getValue())).toList());
        options.put("timeout", o.timeoutMillis());
        options.put("excludeCredentials", o.excludedCredentialIds().stream()
                .map(id -> Map.of("type", "public-key", "id", id)).toList());
        options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                "userVerification", "preferred"));
        options.put("attestation", "none");
        options.put("extensions", Map.of("credProps", true));
        return converter().getJsonConverter().writeValueAsString(options);
    }

    @Override
    public String requestOptionsJson(RequestOptions o) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", b64(o.challenge()));
        options.put("timeout", o.timeoutMillis());
        options.put("rpId", o.relyingParty().id());
        options.put("allowCredentials", List.of());
        options.put("userVerification", "preferred");
        return converter().getJsonConverter().writeValueAsString(options);
    }

    @Override
    public NewCredential verifyRegistration(String credentialJson, Expected expected) {
        RegistrationData data;
        try {
            data = webAuthn().parseRegistrationResponseJSON(credentialJson);
        } catch (RuntimeException e) {
            throw malformed("Credential");
        }
        try {
            webAuthn().verify(data, new RegistrationParameters(serverProperty(expected), ALGORITHMS,
                    expected.userVerificationRequired(), true));
        } catch (VerificationException e) {
            throw refusal(e);
        }
        AttestedCredentialData attested = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        byte[] cose = converter().getCborConverter().writeValueAsBytes(attested.getCOSEKey());
        List<String> transports = data.getTransports() == null ? List.of()
                : data.getTransports().stream().map(t -> t.getValue()).sorted().toList();
        return new NewCredential(b64(attested.getCredentialId()), cose,
                data.getAttestationObject().getAuthenticatorData().getSignCount(), transports,
                attachmentOf(credentialJson));
    }

    @Override
    public String assertedCredentialId(String credentialJson) {
        try {
            return Passkey.requireCredentialId(b64(webAuthn().parseAuthenticationResponseJSON(credentialJson).getCredentialId()));
        } catch (RuntimeException e) {
            throw malformed("CREDENTIAL");
        }
    }

    @Override
    public CheckedAssertion verifyAssertion(String credentialJson, Expected expected, Passkey stored) {
        AuthenticationData data;
        try {
            data = webAuthn().parseAuthenticationResponseJSON(credentialJson);
        } catch (RuntimeException e) {
            throw malformed("CREDENTIAL");
        }
        COSEKey key = converter().getCborConverter().readValue(stored.publicKeyCose(), COSEKey.class);
        byte[] id = Base64.getUrlDecoder().decode(stored.credentialId());
        CredentialRecord record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                stored.signCount(), new AttestedCredentialData(AAGUID.ZERO, id, key), null, null, null, null);
        try {
            webAuthn().verify(data, new AuthenticationParameters(serverProperty(expected), record, List.of(id),
                    expected.userVerificationRequired(), true));
        } catch (VerificationException e) {
            throw refusal(e);
        }
        Optional<String> userHandle = Optional.ofNullable(data.getUserHandle())
                .filter(h -> h.length > 0).map(h -> new String(h, StandardCharsets.UTF_8));
        return new CheckedAssertion(data.getAuthenticatorData().getSignCount(), userHandle);
    }

    private static ServerProperty serverProperty(Expected expected) {
        return ServerProperty.builder().origin(new Origin(expected.relyingParty().origin()))
                .rpId(expected.relyingParty().id()).challenge(new DefaultChallenge(expected.challenge())).build();
    }

    /** WebAuthn's {@code authenticatorAttachment} of the answer, where the browser gave it. */
    private Optional<String> attachmentOf(String credentialJson) {
        try {
            JsonNode node = converter().getJsonMapper().readTree(credentialJson).path("authenticatorAttachment");
            String value = node.isString() ? node.asString() : "";
            return value.equals("platform") || value.equals("cross-platform") ? Optional.of(value) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** webauthn4j's refusals in Cognito's words; none repeats what the answer held. */
    static UserPoolException refusal(VerificationException e) {
        if (e instanceof BadOriginException || e instanceof CrossOriginException) {
            return new UserPoolException(ErrorCode.WEB_AUTHN_ORIGIN_NOT_ALLOWED,
                    "The passkey credential's origin does not match the user pool's relying party.");
        }
        if (e instanceof BadRpIdException) {
            return new UserPoolException(ErrorCode.WEB_AUTHN_RELYING_PARTY_MISMATCH,
                    "The passkey credential is associated with a different relying party ID than the user pool's.");
        }
        if (e instanceof BadChallengeException) {
            return new UserPoolException(ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND,
                    "The passkey credential answers no challenge this user pool posed.");
        }
        if (e instanceof BadAlgorithmException || e instanceof NotAllowedAlgorithmException) {
            return new UserPoolException(ErrorCode.WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED,
                    "The passkey credential's algorithm is not supported (ES256 or RS256).");
        }
        if (e instanceof MaliciousCounterValueException) {
            return UserPoolException.notAuthorized("The passkey's sign count did not go forward.");
        }
        if (e instanceof UserNotVerifiedException || e instanceof UserNotPresentException) {
            return UserPoolException.notAuthorized("The authenticator did not verify the user.");
        }
        if (e instanceof BadSignatureException) return UserPoolException.notAuthorized("The passkey's signature is not valid.");
        return UserPoolException.notAuthorized("The passkey credential was refused.");
    }

    private static UserPoolException malformed(String field) {
        return UserPoolException.invalidParameter(field, "is not a WebAuthn public key credential (JSON)");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
