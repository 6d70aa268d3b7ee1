package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributePolicy;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.AttributeDataType;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.AccountAttributes.AdminChangeCommand;
import dev.userpool.core.port.in.AccountAttributes.AdminDeletionCommand;
import dev.userpool.core.port.in.AccountAttributes.CustomAttributesCommand;
import dev.userpool.core.port.in.AccountAttributes.OwnChangeCommand;
import dev.userpool.core.port.in.AccountAttributes.OwnDeletionCommand;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes and the pool's schema on Cognito's API: GetUser (what the app client may read),
 * UpdateUserAttributes and DeleteUserAttributes with an access token, AdminUpdateUserAttributes and
 * AdminDeleteUserAttributes, AddCustomAttributes and DescribeUserPool (its SchemaAttributes), through
 * the {@link AccountAttributes} use cases.
 */
final class AttributeOperations {
    private final AccountAttributes attributes;
    private final Authentication authentication;
    private final LocalPool pool;

    AttributeOperations(AccountAttributes attributes, Authentication authentication, LocalPool pool) {
        this.attributes = attributes;
        this.authentication = authentication;
        this.pool = pool;
    }

    /** The token's user with the attributes the app client may read ({@code USERPOOL_CLIENT_READ_ATTRIBUTES}). */
    Map<String, Object> getUser(CognitoRequest request, Context ctx) {
        CurrentUser me = authentication.currentUser(request.required("AccessToken"));
        AttributePolicy policy = attributes.policy();
        List<Map<String, Object>> shown = new ArrayList<>();
        shown.add(ordered("Name", "sub", "Value", me.userId().value()));
        if (policy.clientMayRead("email_verified")) shown.add(ordered("Name", "email_verified", "Value", Boolean.toString(me.emailVerified())));
        if (policy.clientMayRead("email")) shown.add(ordered("Name", "email", "Value", me.email().value()));
        policy.readableByClient(me.attributes()).values().forEach((name, value) -> shown.add(ordered("Name", name, "Value", value)));
        return ordered("Username", me.userId().value(), "UserAttributes", shown);
    }

    Map<String, Object> deleteUserAttributes(CognitoRequest request, Context ctx) {
        String token = request.required("AccessToken");
        List<String> names = request.strings("UserAttributeNames").orElseThrow(() -> CognitoError.missing("UserAttributeNames"));
        attributes.deleteOwn(new OwnDeletionCommand(token, names, RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> adminUpdateUserAttributes(CognitoRequest request, Context ctx) {
        String username = request.required("Username");
        attributes.updateAsAdmin(new AdminChangeCommand(Actor.system(), username, changes(request), RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> adminDeleteUserAttributes(CognitoRequest request, Context ctx) {
        String username = request.required("Username");
        List<String> names = request.strings("UserAttributeNames").orElseThrow(() -> CognitoError.missing("UserAttributeNames"));
        attributes.deleteAsAdmin(new AdminDeletionCommand(Actor.system(), username, names, RequestContexts.of(ctx)));
        return Map.of();
    }

    /** CustomAttributes: names without the {@code custom:} prefix, String or Number, with their constraints. */
    Map<String, Object> addCustomAttributes(CognitoRequest request, Context ctx) {
        List<CognitoRequest> given = request.objects("CustomAttributes");
        if (given.isEmpty()) throw CognitoError.missing("CustomAttributes");
        List<AttributeDefinition> added = new ArrayList<>();
        for (CognitoRequest a : given) added.add(definition(a));
        attributes.addCustomAttributes(new CustomAttributesCommand(Actor.system(), added, RequestContexts.of(ctx)));
        return Map.of();
    }

    /** The parts of UserPoolType a client reads to learn the schema: Id, Name, SchemaAttributes, UsernameAttributes. */
    Map<String, Object> describeUserPool(CognitoRequest request, Context ctx) {
        AttributeSchema schema = attributes.schema();
        AttributePolicy policy = attributes.policy();
        List<Map<String, Object>> schemaAttributes = new ArrayList<>();
        for (AttributeDefinition d : schema.all()) schemaAttributes.add(schemaAttribute(d, policy));
        schemaAttributes.add(2, ordered("Name", "email_verified", "AttributeDataType", "Boolean", "DeveloperOnlyAttribute", false,
                "Mutable", true, "Required", false));
        return ordered("UserPool", ordered("Id", pool.userPoolId(), "Name", pool.userPoolId(),
                "SchemaAttributes", schemaAttributes, "UsernameAttributes", List.of("email"),
                "AutoVerifiedAttributes", List.of("email")));
    }

    private static Map<String, Object> schemaAttribute(AttributeDefinition d, AttributePolicy policy) {
        boolean required = d.name().equals("sub") || d.name().equals("email") || policy.isRequired(d.name());
        Map<String, Object> shape = ordered("Name", d.name(), "AttributeDataType", d.type().cognitoName(),
                "DeveloperOnlyAttribute", false, "Mutable", d.mutable(), "Required", required);
        // Cognito writes the constraints as strings
        Map<String, Object> limits = new LinkedHashMap<>();
        String lower = d.type() == AttributeDataType.STRING ? "MinLength" : "MinValue";
        String upper = d.type() == AttributeDataType.STRING ? "MaxLength" : "MaxValue";
        d.min().ifPresent(v -> limits.put(lower, Long.toString(v)));
        d.max().ifPresent(v -> limits.put(upper, Long.toString(v)));
        shape.put(d.type() == AttributeDataType.STRING ? "StringAttributeConstraints" : "NumberAttributeConstraints", limits);
        return shape;
    }

    private static AttributeDefinition definition(CognitoRequest a) {
        String name = a.optional("Name").orElse("");
        if (a.bool("Required").orElse(false)) {
            throw CognitoError.invalidParameter("Required custom attributes are not supported currently.");
        }
        if (a.bool("DeveloperOnlyAttribute").orElse(false)) {
            throw CognitoError.invalidParameter("This pool does not keep developer-only attributes (DeveloperOnlyAttribute).");
        }
        AttributeDataType type = AttributeDataType.fromCognito(a.optional("AttributeDataType").orElse("String"));
        String constraints = type == AttributeDataType.STRING ? "StringAttributeConstraints" : "NumberAttributeConstraints";
        Optional<CognitoRequest> limits = a.object(constraints);
        String lower = type == AttributeDataType.STRING ? "MinLength" : "MinValue";
        String upper = type == AttributeDataType.STRING ? "MaxLength" : "MaxValue";
        return AttributeDefinition.custom(name, type, a.bool("Mutable").orElse(true),
                limits.flatMap(l -> number(l, constraints, lower)), limits.flatMap(l -> number(l, constraints, upper)));
    }

    private static Optional<Long> number(CognitoRequest limits, String constraints, String member) {
        Optional<String> value = limits.optional(member);
        try {
            return value.map(v -> Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw CognitoError.invalidParameter("Invalid " + constraints + ": " + member + " must be a whole number.");
        }
    }

    /** UserAttributes as name → value; the last of a repeated name counts. */
    private static Map<String, String> changes(CognitoRequest request) {
        List<CognitoRequest.Attribute> given = request.attributes("UserAttributes");
        if (given.isEmpty()) throw CognitoError.missing("UserAttributes");
        Map<String, String> changes = new LinkedHashMap<>();
        given.forEach(a -> changes.put(a.name(), a.value()));
        return changes;
    }

}
