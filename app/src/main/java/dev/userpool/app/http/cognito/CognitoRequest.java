package dev.userpool.app.http.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A request body of the Cognito API, read member by member with AWS's validation wording. */
final class CognitoRequest {
    /** One {@code {"Name": …, "Value": …}} of UserAttributes. */
    record Attribute(String name, String value) {}

    private final JsonNode root;

    private CognitoRequest(JsonNode root) {
        this.root = root;
    }

    static CognitoRequest parse(byte[] body, ObjectMapper json) {
        if (body.length == 0) return new CognitoRequest(json.createObjectNode());
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CognitoError("SerializationException", "The request body is not valid JSON.");
        } catch (IOException e) {
            throw new CognitoError("SerializationException", "The request body could not be read.");
        }
        if (root == null || !root.isObject()) throw new CognitoError("SerializationException", "The request body must be a JSON object.");
        return new CognitoRequest(root);
    }

    /**
     * A member that is a JSON document (Cognito's "JSON value", e.g. a passkey's {@code Credential}), as its JSON
     * text; an object, or a string holding one (as the AWS CLI may send it).
     */
    Optional<String> document(String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) return Optional.empty();
        if (node.isObject()) return Optional.of(node.toString());
        if (node.isTextual() && !node.textValue().isBlank()) return Optional.of(node.textValue());
        throw CognitoError.invalidParameter("Member " + member + " must be a JSON object.");
    }

    String required(String member) {
        return optional(member).orElseThrow(() -> CognitoError.missing(member));
    }

    Optional<String> optional(String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isTextual()) throw CognitoError.invalidParameter("Member " + member + " must be a string.");
        return Optional.of(node.textValue()).filter(v -> !v.isEmpty());
    }

    OptionalInt integer(String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) return OptionalInt.empty();
        if (!node.canConvertToInt()) throw CognitoError.invalidParameter("Member " + member + " must be an integer.");
        return OptionalInt.of(node.intValue());
    }

    /** A string-to-string map member (AuthParameters, ChallengeResponses); empty when absent. */
    Map<String, String> map(String member) {
        JsonNode node = root.get(member);
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) return values;
        if (!node.isObject()) throw CognitoError.invalidParameter("Member " + member + " must be a map of strings.");
        node.properties().forEach(e -> {
            if (!e.getValue().isTextual()) throw CognitoError.invalidParameter("Member " + member + "." + e.getKey() + " must be a string.");
            values.put(e.getKey(), e.getValue().textValue());
        });
        return values;
    }

    /** Whether the member is there at all, even empty. */
    /** The names of the members sent, in order. */
    java.util.List<String> memberNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean hasMember(String member) {
        JsonNode node = root.get(member);
        return node != null && !node.isNull();
    }

    /** A list of strings (UserAttributeNames, AttributesToGet); empty when absent. */
    Optional<List<String>> strings(String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isArray()) throw CognitoError.invalidParameter("Member " + member + " must be a list of strings.");
        List<String> values = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isTextual()) throw CognitoError.invalidParameter("Member " + member + " must be a list of strings.");
            values.add(v.textValue());
        }
        return Optional.of(values);
    }

    /** A list of structures (CustomAttributes), each read as a request of its own; empty when absent. */
    List<CognitoRequest> objects(String member) {
        JsonNode node = root.get(member);
        List<CognitoRequest> objects = new ArrayList<>();
        if (node == null || node.isNull()) return objects;
        if (!node.isArray()) throw CognitoError.invalidParameter("Member " + member + " must be a list.");
        for (JsonNode o : node) {
            if (!o.isObject()) throw CognitoError.invalidParameter("Every member of " + member + " must be a structure.");
            objects.add(new CognitoRequest(o));
        }
        return objects;
    }

    /** A structure member, read as a request of its own. */
    Optional<CognitoRequest> object(String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isObject()) throw CognitoError.invalidParameter("Member " + member + " must be a structure.");
        return Optional.of(new CognitoRequest(node));
    }

    /** A boolean member. */
    Optional<Boolean> bool(String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isBoolean()) throw CognitoError.invalidParameter("Member " + member + " must be a boolean.");
        return Optional.of(node.booleanValue());
    }

    /** A list of {@code {"Name", "Value"}} (UserAttributes); empty when absent. */
    List<Attribute> attributes(String member) {
        JsonNode node = root.get(member);
        List<Attribute> attributes = new ArrayList<>();
        if (node == null || node.isNull()) return attributes;
        if (!node.isArray()) throw CognitoError.invalidParameter("Member " + member + " must be a list of attributes.");
        for (JsonNode a : node) {
            String name = a.path("Name").asText("");
            if (name.isEmpty()) throw CognitoError.invalidParameter("Every attribute of " + member + " needs a Name.");
            attributes.add(new Attribute(name, a.path("Value").isNull() ? "" : a.path("Value").asText("")));
        }
        return attributes;
    }
}
