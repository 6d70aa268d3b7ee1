package dev.userpool.app.migration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.UserPoolException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The groups file that travels beside the users' CSV (Cognito's import CSV has no place for groups):
 * {@code {"Groups": [{"GroupName", "Description", "Precedence", "RoleArn", "Members": [addresses]}]}},
 * each group in the words of Cognito's CreateGroup request, so a script can feed it to the AWS CLI too.
 * Read whole and checked before anything is imported; a bad entry names its line.
 */
public final class GroupsJson {
    // the caller owns what is written to
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private static final Set<String> FIELDS = Set.of("GroupName", "Description", "Precedence", "RoleArn", "Members");

    private GroupsJson() {}

    public static void write(Writer out, List<MovedGroup> groups) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("Groups");
        for (MovedGroup g : groups) {
            ObjectNode node = list.addObject();
            node.put("GroupName", g.name().value());
            if (!g.description().isEmpty()) node.put("Description", g.description());
            g.precedence().ifPresent(p -> node.put("Precedence", p));
            g.roleArn().ifPresent(r -> node.put("RoleArn", r));
            ArrayNode members = node.putArray("Members");
            g.members().forEach(m -> members.add(m.value()));
        }
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, root);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<MovedGroup> read(Reader in) {
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) throw bad(parser, "the file must hold one JSON object, {\"Groups\": [...]}");
            List<MovedGroup> groups = new ArrayList<>();
            boolean seen = false;
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String field = parser.currentName();
                if (!"Groups".equals(field)) throw bad(parser, "unknown field \"" + field + "\"; the file holds \"Groups\" only");
                if (parser.nextToken() != JsonToken.START_ARRAY) throw bad(parser, "\"Groups\" must be an array");
                seen = true;
                Set<GroupName> names = new HashSet<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    int line = parser.currentLocation().getLineNr();
                    MovedGroup group = group(parser.readValueAsTree(), line);
                    if (!names.add(group.name())) throw new MigrationFileException(line, "the group " + group.name().value() + " is given twice");
                    groups.add(group);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) throw bad(parser, "each of \"Groups\" must be an object");
            }
            if (!seen) throw bad(parser, "the file has no \"Groups\"");
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw bad(parser, "nothing may follow the object");
            }
            return groups;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MigrationFileException(line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MovedGroup group(JsonNode node, int line) {
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) throw new MigrationFileException(line, "unknown field \"" + f + "\" in a group; known: " + FIELDS);
        });
        String name = text(node, "GroupName", line).orElseThrow(() -> new MigrationFileException(line, "a group without \"GroupName\""));
        Optional<Integer> precedence = Optional.empty();
        if (node.has("Precedence")) {
            JsonNode p = node.get("Precedence");
            if (!p.canConvertToInt() || !p.isIntegralNumber()) throw new MigrationFileException(line, "\"Precedence\" must be a whole number");
            precedence = Optional.of(p.intValue());
        }
        List<EmailAddress> members = new ArrayList<>();
        JsonNode list = node.path("Members");
        if (!list.isMissingNode() && !list.isArray()) throw new MigrationFileException(line, "\"Members\" must be an array of addresses");
        try {
            // Group checks name, description, precedence and role ARN by Cognito's rules
            Group checked = Group.create(new GroupName(name), text(node, "Description", line), precedence,
                    text(node, "RoleArn", line), Instant.EPOCH);
            for (JsonNode m : list) {
                if (!m.isTextual()) throw new MigrationFileException(line, "each of \"Members\" must be an address");
                members.add(new EmailAddress(m.asText()));
            }
            return new MovedGroup(checked.name(), checked.description(), checked.precedence(), checked.roleArn(), members);
        } catch (UserPoolException e) {
            throw new MigrationFileException(line, "the group " + name + ": " + e.getMessage());
        }
    }

    private static Optional<String> text(JsonNode node, String field, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw new MigrationFileException(line, "\"" + field + "\" must be a string");
        return Optional.of(value.asText());
    }

    private static MigrationFileException bad(JsonParser parser, String problem) {
        return new MigrationFileException(parser.currentLocation().getLineNr(), problem);
    }
}
