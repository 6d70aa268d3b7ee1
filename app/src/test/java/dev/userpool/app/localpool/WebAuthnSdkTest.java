package dev.userpool.app.localpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.testing.SoftPasskeyAuthenticator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnChallengeNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnConfigurationMissingException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnOriginNotAllowedException;

/**
 * Issue 14: the local pool's passkey operations through the AWS SDK for Java's own Cognito client —
 * StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials, DeleteWebAuthnCredential
 * — in Cognito's shapes, with its exception types. The {@code WEB_AUTHN} sign-in challenge of {@code USER_AUTH}
 * is wired by the choice-based sign-in (issue 14's other slice) and tested there once merged.
 */
class WebAuthnSdkTest {
    private final ObjectMapper json = new ObjectMapper();
    private RunningApp app;
    private ApiClient api;
    private CognitoIdentityProviderClient cognito;
    private SoftPasskeyAuthenticator device;

    @BeforeEach
    void start() {
        app = RunningApp.start(Map.of("USERPOOL_BASE_URL", "http://localhost:{port}"));
        api = new ApiClient(app.baseUrl());
        cognito = CognitoSdk.client(app.baseUrl());
        device = new SoftPasskeyAuthenticator("http://localhost:" + app.baseUrl().getPort());
    }

    @AfterEach
    void stop() {
        if (cognito != null) cognito.close();
        if (app != null) app.close();
    }

    private String signedIn() {
        String email = "sdk-pk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.register(email);
        return api.accessToken(email);
    }

    @Test
    void aPasskeyIsRegisteredListedAndDeletedInCognitosShapes() throws Exception {
        String token = signedIn();
        Document options = cognito.startWebAuthnRegistration(b -> b.accessToken(token)).credentialCreationOptions();
        JsonNode created = json.readTree(toJson(options));
        assertThat(created.path("rp").path("id").asText()).isEqualTo("localhost");
        assertThat(created.path("authenticatorSelection").path("residentKey").asText()).isEqualTo("required");
        assertThat(created.path("pubKeyCredParams").get(0).path("alg").asInt()).isEqualTo(-7);

        String credential = device.register(toJson(options));
        cognito.completeWebAuthnRegistration(b -> b.accessToken(token).credential(doc(credential)));

        List<WebAuthnCredentialDescription> listed = cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials();
        assertThat(listed).hasSize(1);
        WebAuthnCredentialDescription d = listed.get(0);
        assertThat(d.credentialId()).isEqualTo(device.credentials().get(0).id());
        assertThat(d.relyingPartyId()).isEqualTo("localhost");
        assertThat(d.authenticatorAttachment()).isEqualTo("platform");
        assertThat(d.authenticatorTransports()).containsExactly("internal");
        assertThat(d.friendlyCredentialName()).isNotBlank();
        assertThat(d.createdAt()).isNotNull();

        cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(d.credentialId()));
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials()).isEmpty();
        assertThatThrownBy(() -> cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(d.credentialId())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badAnswersGetCognitosExceptions() throws Exception {
        String token = signedIn();
        String unasked = device.register(toJson(cognito.startWebAuthnRegistration(b -> b.accessToken(token)).credentialCreationOptions()));
        cognito.completeWebAuthnRegistration(b -> b.accessToken(token).credential(doc(unasked)));
        // the challenge is used: the same answer again finds none
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(doc(unasked)))).isInstanceOf(WebAuthnChallengeNotFoundException.class);

        String phished = device.claimingOrigin("https://evil.example")
                .register(toJson(cognito.startWebAuthnRegistration(b -> b.accessToken(token)).credentialCreationOptions()));
        assertThatThrownBy(() -> cognito.completeWebAuthnRegistration(b -> b.accessToken(token)
                .credential(doc(phished)))).isInstanceOf(WebAuthnOriginNotAllowedException.class);
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials()).hasSize(1);
        assertThatThrownBy(() -> cognito.listWebAuthnCredentials(b -> b.accessToken(token).maxResults(21)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void passkeysAreOffOnABaseUrlThatIsNoSecureContext() {
        try (RunningApp plain = RunningApp.start(Map.of());
             CognitoIdentityProviderClient other = CognitoSdk.client(plain.baseUrl())) {
            ApiClient plainApi = new ApiClient(plain.baseUrl());
            String email = "sdk-off-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            plainApi.register(email);
            String token = plainApi.accessToken(email);
            assertThatThrownBy(() -> other.startWebAuthnRegistration(b -> b.accessToken(token)))
                    .isInstanceOf(WebAuthnConfigurationMissingException.class)
                    .hasMessageContaining("secure context");
        }
    }

    private Document doc(String credentialJson) {
        try {
            return toDocument(json.readTree(credentialJson));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String toJson(Document d) throws Exception {
        return json.writeValueAsString(plain(d));
    }

    private static Object plain(Document d) {
        if (d.isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            d.asMap().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (d.isList()) {
            List<Object> out = new ArrayList<>();
            d.asList().forEach(v -> out.add(plain(v)));
            return out;
        }
        if (d.isString()) return d.asString();
        if (d.isNumber()) return d.asNumber().bigDecimalValue();
        if (d.isBoolean()) return d.asBoolean();
        return null;
    }

    private static Document toDocument(JsonNode n) {
        if (n.isObject()) {
            Map<String, Document> out = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), toDocument(e.getValue())));
            return Document.fromMap(out);
        }
        if (n.isArray()) {
            List<Document> out = new ArrayList<>();
            n.forEach(v -> out.add(toDocument(v)));
            return Document.fromList(out);
        }
        if (n.isTextual()) return Document.fromString(n.asText());
        if (n.isNumber()) return Document.fromNumber(SdkNumber.fromBigDecimal(n.decimalValue()));
        if (n.isBoolean()) return Document.fromBoolean(n.asBoolean());
        return Document.fromNull();
    }
}
