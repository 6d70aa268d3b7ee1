package dev.userpool.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import io.javalin.http.Context;
import java.util.Optional;

/** A request's JSON object, checked at the door: content type, size, syntax, and the fields asked for. */
final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody of(Context ctx, ObjectMapper json) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, ErrorCode.INVALID_PARAMETER, "Send the request body as application/json.");
        }
        byte[] bytes = RequestBodies.read(ctx);   // Refused (413, 400): mapped by Problems
        if (bytes.length == 0) throw new HttpProblem(400, ErrorCode.INVALID_PARAMETER, "The request body is empty.");
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, ErrorCode.INVALID_PARAMETER, "The request body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw new HttpProblem(400, ErrorCode.INVALID_PARAMETER, "The request body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw new HttpProblem(400, ErrorCode.INVALID_PARAMETER, "The request body must be a JSON object.");
        }
        return new JsonBody(root);
    }

    /** A field that is a JSON object (a passkey's credential), as its JSON text; a string holding one is taken too. */
    String requiredDocument(String field) {
        JsonNode node = root.get(field);
        if (node != null && node.isObject()) return node.toString();
        if (node != null && node.isTextual() && !node.textValue().isBlank()) return node.textValue();
        throw UserPoolException.invalidParameter(field, "is required (a JSON object)");
    }

    /** A text field that must be present (blank counts as missing). */
    String required(String field) {
        return optional(field).filter(v -> !v.isBlank())
                .orElseThrow(() -> UserPoolException.invalidParameter(field, "is required"));
    }

    /** A true/false field; {@code fallback} when absent. */
    boolean flag(String field, boolean fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return fallback;
        if (!node.isBoolean()) throw UserPoolException.invalidParameter(field, "must be true or false");
        return node.booleanValue();
    }

    Optional<String> optional(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isTextual()) throw UserPoolException.invalidParameter(field, "must be a string");
        return Optional.of(node.textValue());
    }

    /**
     * Every field as a string or null (a JSON merge patch of strings: null removes), in the order given;
     * any other value is refused.
     */
    java.util.Map<String, Optional<String>> stringsOrNulls() {
        java.util.Map<String, Optional<String>> fields = new java.util.LinkedHashMap<>();
        root.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) fields.put(e.getKey(), Optional.empty());
            else if (v.isTextual()) fields.put(e.getKey(), Optional.of(v.textValue()));
            else throw UserPoolException.invalidParameter(e.getKey(), "must be a string, or null to delete it");
        });
        return fields;
    }

    /** An object of strings (a sign-up's {@code attributes}); empty when absent. */
    java.util.Map<String, String> strings(String field) {
        JsonNode node = root.get(field);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) return values;
        if (!node.isObject()) throw UserPoolException.invalidParameter(field, "must be an object of strings");
        node.properties().forEach(e -> {
            if (!e.getValue().isTextual()) throw UserPoolException.invalidParameter(field + "." + e.getKey(), "must be a string");
            values.put(e.getKey(), e.getValue().textValue());
        });
        return values;
    }

    /** A whole-number field (groups' precedence); absent or null is empty. */
    Optional<Integer> optionalInteger(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isIntegralNumber() || !node.canConvertToInt()) throw UserPoolException.invalidParameter(field, "must be a whole number");
        return Optional.of(node.intValue());
    }
}
