package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.epochSeconds;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.port.in.Passkeys;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed-in user's passkeys, with their access token (issue 14): StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration, ListWebAuthnCredentials and DeleteWebAuthnCredential, through the
 * {@link Passkeys} use cases. Sign-in with a passkey is the {@code WEB_AUTHN} challenge of {@code USER_AUTH}.
 */
final class WebAuthnOperations {
    /** ListWebAuthnCredentials' MaxResults: 1 to 20, Cognito's range. */
    static final int MAX_RESULTS = 20;

    private final Passkeys passkeys;
    private final ObjectMapper json;

    WebAuthnOperations(Passkeys passkeys, ObjectMapper json) {
        this.passkeys = passkeys;
        this.json = json;
    }

    /** Adds the four operations to {@code ops}. */
    void register(Map<String, Operation> ops) {
        ops.put("StartWebAuthnRegistration", this::start);
        ops.put("CompleteWebAuthnRegistration", this::complete);
        ops.put("ListWebAuthnCredentials", this::list);
        ops.put("DeleteWebAuthnCredential", this::delete);
    }

    Map<String, Object> start(CognitoRequest request, Context ctx) {
        String options = passkeys.startRegistration(request.required("AccessToken"), RequestContexts.of(ctx));
        try {
            return ordered("CredentialCreationOptions", json.readTree(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the creation options are not JSON", e);
        }
    }

    Map<String, Object> complete(CognitoRequest request, Context ctx) {
        String accessToken = request.required("AccessToken");
        String credential = request.document("Credential").orElseThrow(() -> CognitoError.missing("Credential"));
        passkeys.completeRegistration(accessToken, credential, RequestContexts.of(ctx));
        return Map.of();
    }

    Map<String, Object> list(CognitoRequest request, Context ctx) {
        String accessToken = request.required("AccessToken");
        int max = request.integer("MaxResults").orElse(MAX_RESULTS);
        if (max < 1 || max > MAX_RESULTS) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + max
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + MAX_RESULTS);
        }
        Page<Passkey> page = passkeys.list(accessToken, new PageRequest(max, request.optional("NextToken")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Credentials", page.items().stream().map(WebAuthnOperations::credential).toList());
        page.nextCursor().ifPresent(c -> out.put("NextToken", c));
        return out;
    }

    Map<String, Object> delete(CognitoRequest request, Context ctx) {
        passkeys.delete(request.required("AccessToken"), request.required("CredentialId"), RequestContexts.of(ctx));
        return Map.of();
    }

    /** Cognito's WebAuthnCredentialDescription. */
    static Map<String, Object> credential(Passkey p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CredentialId", p.credentialId());
        out.put("FriendlyCredentialName", p.friendlyName());
        out.put("RelyingPartyId", p.relyingPartyId());
        p.attachment().ifPresent(a -> out.put("AuthenticatorAttachment", a));
        out.put("AuthenticatorTransports", List.copyOf(p.transports()));
        out.put("CreatedAt", epochSeconds(p.createdAt()));
        return out;
    }
}
