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

    /** A text field that must be present (blank counts as missing). */
    String required(String field) {
        return optional(field).filter(v -> !v.isBlank())
                .orElseThrow(() -> UserPoolException.invalidParameter(field, "is required"));
    }

    Optional<String> optional(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isTextual()) throw UserPoolException.invalidParameter(field, "must be a string");
        return Optional.of(node.textValue());
    }

    /** A whole-number field (groups' precedence); absent or null is empty. */
    Optional<Integer> optionalInteger(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isIntegralNumber() || !node.canConvertToInt()) throw UserPoolException.invalidParameter(field, "must be a whole number");
        return Optional.of(node.intValue());
    }
}
