package dev.userpool.app.http;

import static dev.userpool.app.http.AdminRequests.asAdmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.PasskeyAuthentication;
import dev.userpool.core.port.in.PasskeyAuthentication.PasskeyChallenge;
import dev.userpool.core.port.in.Passkeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Passkeys on the JSON API (issue 14). A signed-in user ({@code Authorization: Bearer}) adds one in two
 * steps — {@code POST /api/passkeys/options} answers the creation options for
 * {@code navigator.credentials.create}, {@code POST /api/passkeys {"credential"}} checks the answer and keeps
 * the passkey — lists them ({@code GET /api/passkeys}) and deletes one ({@code DELETE /api/passkeys/{id}}).
 * Anyone signs in with one in two steps: {@code POST /api/signin/passkey/options {"email"}} answers
 * {@code {"options", "session"}} for {@code navigator.credentials.get}, {@code POST /api/signin/passkey
 * {"email", "session", "credential"}} answers the tokens. {@code GET /api/passkeys/config} says whether
 * passkeys are on. Administrators list and remove a user's passkeys under {@code /api/admin/users/{email}/passkeys}.
 */
final class PasskeyRoutes {
    private final Passkeys passkeys;
    private final PasskeyAuthentication signIn;
    private final Administration administration;
    private final ObjectMapper json;

    PasskeyRoutes(Passkeys passkeys, PasskeyAuthentication signIn, Administration administration, ObjectMapper json) {
        this.passkeys = passkeys;
        this.signIn = signIn;
        this.administration = administration;
        this.json = json;
    }

    void install(Javalin app) {
        app.get("/api/passkeys/config", ctx -> ctx.json(Json.ordered("enabled", passkeys.enabled(),
                "relyingPartyId", passkeys.relyingPartyId().orElse(null))));
        app.post("/api/passkeys/options", ctx -> ctx.json(document(
                passkeys.startRegistration(Bearer.token(ctx), RequestContexts.of(ctx)))));
        app.post("/api/passkeys", ctx -> {
            String token = Bearer.token(ctx);
            String credential = JsonBody.of(ctx, json).requiredDocument("credential");
            ctx.status(201).json(describe(passkeys.completeRegistration(token, credential, RequestContexts.of(ctx))));
        });
        app.get("/api/passkeys", ctx -> {
            Page<Passkey> page = passkeys.list(Bearer.token(ctx), AdminRequests.page(ctx));
            ctx.json(Json.ordered("passkeys", page.items().stream().map(PasskeyRoutes::describe).toList(),
                    "nextCursor", page.nextCursor().orElse(null)));
        });
        app.delete("/api/passkeys/{credentialId}", ctx -> {
            passkeys.delete(Bearer.token(ctx), ctx.pathParam("credentialId"), RequestContexts.of(ctx));
            ctx.status(204);
        });
        app.post("/api/signin/passkey/options", ctx -> {
            String email = JsonBody.of(ctx, json).required("email");
            PasskeyChallenge challenge = signIn.startSignIn(email, RequestContexts.of(ctx));
            ctx.json(Json.ordered("options", document(challenge.requestOptionsJson()), "session", challenge.session()));
        });
        app.post("/api/signin/passkey", ctx -> {
            JsonBody body = JsonBody.of(ctx, json);
            Tokens tokens = signIn.completeSignIn(body.required("email"), body.required("session"),
                    body.requiredDocument("credential"), RequestContexts.of(ctx));
            ctx.json(Json.tokens(tokens));
        });
        app.get("/api/admin/users/{email}/passkeys", ctx -> ctx.json(Json.ordered("passkeys",
                asAdmin(administration, ctx, a -> passkeys.of(userOf(ctx))).stream().map(PasskeyRoutes::describe).toList())));
        app.delete("/api/admin/users/{email}/passkeys/{credentialId}", ctx -> {
            asAdmin(administration, ctx, a -> {
                passkeys.remove(userOf(ctx), ctx.pathParam("credentialId"), a.actor(), RequestContexts.of(ctx));
                return a;
            });
            ctx.status(204);
        });
    }

    private UserId userOf(Context ctx) {
        return administration.findUser(ctx.pathParam("email")).id();
    }

    private JsonNode document(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the WebAuthn options are not JSON", e);
        }
    }

    static Map<String, Object> describe(Passkey p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("credentialId", p.credentialId());
        out.put("name", p.friendlyName());
        out.put("relyingPartyId", p.relyingPartyId());
        out.put("attachment", p.attachment().orElse(null));
        out.put("transports", p.transports());
        out.put("createdAt", p.createdAt().toString());
        out.put("lastUsedAt", p.lastUsedAt().map(Object::toString).orElse(null));
        return out;
    }

    static Optional<PasskeyRoutes> of(Optional<Passkeys> passkeys, Optional<PasskeyAuthentication> signIn,
                                      Administration administration, ObjectMapper json) {
        if (passkeys.isEmpty() || signIn.isEmpty()) return Optional.empty();
        return Optional.of(new PasskeyRoutes(passkeys.get(), signIn.get(), administration, json));
    }
}
