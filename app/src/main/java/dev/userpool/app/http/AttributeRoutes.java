package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.AccountAttributes.OwnChangeCommand;
import dev.userpool.core.port.in.AccountAttributes.OwnDeletionCommand;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user's attributes: {@code GET /api/me/attributes} (what the app client may read, and
 * which attributes it may write, for the profile page), {@code PATCH /api/me/attributes} with a JSON
 * object of name → new value, or null to delete (the access token's account; Cognito's
 * UpdateUserAttributes and DeleteUserAttributes).
 */
final class AttributeRoutes {
    private final AccountAttributes attributes;
    private final Authentication authentication;
    private final ObjectMapper json;

    AttributeRoutes(AccountAttributes attributes, Authentication authentication, ObjectMapper json) {
        this.attributes = attributes;
        this.authentication = authentication;
        this.json = json;
    }

    void install(Javalin app) {
        app.get("/api/me/attributes", this::read);
        app.patch("/api/me/attributes", this::edit);
    }

    private void read(Context ctx) {
        CurrentUser me = authentication.currentUser(Bearer.token(ctx));
        ctx.json(view(me));
    }

    /** Changes first, then deletions: one audit event each. A refusal of either writes nothing of it. */
    private void edit(Context ctx) {
        String token = Bearer.token(ctx);
        Map<String, Optional<String>> patch = JsonBody.of(ctx, json).stringsOrNulls();
        if (patch.isEmpty()) throw UserPoolException.invalidParameter("attributes", "name at least one attribute to change");
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> deletions = new ArrayList<>();
        patch.forEach((name, value) -> {
            if (value.isPresent()) changes.put(name, value.get());
            else deletions.add(name);
        });
        try {
            if (!changes.isEmpty()) attributes.updateOwn(new OwnChangeCommand(token, changes, RequestContexts.of(ctx)));
            if (!deletions.isEmpty()) attributes.deleteOwn(new OwnDeletionCommand(token, deletions, RequestContexts.of(ctx)));
        } catch (UserPoolException e) {
            // the caller is known; the app client may not write this: 403, not the 401 of a bad token
            if (e.code() == ErrorCode.NOT_AUTHORIZED && AttributePolicy.UNAUTHORIZED_WRITE.equals(e.getMessage())) {
                throw new HttpProblem(403, ErrorCode.NOT_AUTHORIZED, e.getMessage());
            }
            throw e;
        }
        ctx.json(view(authentication.currentUser(token)));
    }

    private Map<String, Object> view(CurrentUser me) {
        AttributePolicy policy = attributes.policy();
        AttributeSchema schema = attributes.schema();
        List<Map<String, Object>> writable = new ArrayList<>();
        for (AttributeDefinition d : schema.all()) {
            if (!d.mutable() || !policy.clientMayWrite(d.name()) || d.name().equals(AttributeSchema.EMAIL)) continue;
            Map<String, Object> one = Json.ordered("name", d.name(), "type", d.type().cognitoName(), "required", policy.isRequired(d.name()));
            d.max().ifPresent(max -> one.put("max", max));
            writable.add(one);
        }
        return Json.ordered("attributes", policy.readableByClient(me.attributes()).values(), "writable", writable);
    }

}
