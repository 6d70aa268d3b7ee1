package dev.userpool.core.testing;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.PasskeyCeremonies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebAuthn without the cryptography, for tests of the core: options in WebAuthn's JSON, and answers (as a
 * {@link SoftPasskeyAuthenticator} writes them) checked for their challenge and origin only — no signature,
 * no authenticator data. The sign count an assertion reports is the authenticator's (read from its data).
 */
public final class FakePasskeyCeremonies implements PasskeyCeremonies {

    @Override
    public String creationOptionsJson(CreationOptions o) {
        return "{\"challenge\":\"" + b64(o.challenge()) + "\",\"rp\":{\"id\":\"" + o.relyingParty().id() + "\",\"name\":\""
                + o.relyingParty().name() + "\"},\"user\":{\"id\":\"" + b64(o.user().value().getBytes(StandardCharsets.UTF_8))
                + "\",\"name\":\"" + o.userName() + "\"},\"timeout\":" + o.timeoutMillis() + "}";
    }

    @Override
    public String requestOptionsJson(RequestOptions o) {
        return "{\"challenge\":\"" + b64(o.challenge()) + "\",\"rpId\":\"" + o.relyingParty().id() + "\",\"allowCredentials\":[],"
                + "\"timeout\":" + o.timeoutMillis() + "}";
    }

    @Override
    public NewCredential verifyRegistration(String credentialJson, Expected expected) {
        checkClientData(credentialJson, expected);
        return new NewCredential(assertedCredentialId(credentialJson), new byte[] {1}, 0, List.of("internal"), Optional.of("platform"));
    }

    @Override
    public String assertedCredentialId(String credentialJson) {
        return Passkey.requireCredentialId(field(credentialJson, "\"id\"\\s*:\\s*\"([^\"]+)\""));
    }

    @Override
    public CheckedAssertion verifyAssertion(String credentialJson, Expected expected, Passkey stored) {
        checkClientData(credentialJson, expected);
        byte[] authData = Base64.getUrlDecoder().decode(field(credentialJson, "\"authenticatorData\"\\s*:\\s*\"([^\"]+)\""));
        long count = ((authData[33] & 0xFFL) << 24) | ((authData[34] & 0xFFL) << 16) | ((authData[35] & 0xFFL) << 8) | (authData[36] & 0xFFL);
        String handle = new String(Base64.getUrlDecoder().decode(field(credentialJson, "\"userHandle\"\\s*:\\s*\"([^\"]*)\"")),
                StandardCharsets.UTF_8);
        return new CheckedAssertion(count, handle.isEmpty() ? Optional.empty() : Optional.of(handle));
    }

    private static void checkClientData(String credentialJson, Expected expected) {
        String clientData = new String(Base64.getUrlDecoder().decode(
                field(credentialJson, "\"clientDataJSON\"\\s*:\\s*\"([^\"]+)\"")), StandardCharsets.UTF_8);
        if (!field(clientData, "\"origin\"\\s*:\\s*\"([^\"]+)\"").equals(expected.relyingParty().origin())) {
            throw new UserPoolException(ErrorCode.WEB_AUTHN_ORIGIN_NOT_ALLOWED, "The passkey credential's origin is not allowed.");
        }
        if (!field(clientData, "\"challenge\"\\s*:\\s*\"([^\"]+)\"").equals(b64(expected.challenge()))) {
            throw new UserPoolException(ErrorCode.WEB_AUTHN_CHALLENGE_NOT_FOUND, "The passkey credential answers no challenge posed.");
        }
    }

    private static String field(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) throw UserPoolException.invalidParameter("Credential", "is not a WebAuthn public key credential (JSON)");
        return m.group(1);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
