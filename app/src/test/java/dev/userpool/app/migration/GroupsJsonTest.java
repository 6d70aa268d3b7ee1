package dev.userpool.app.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.GroupName;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The groups file beside the users' CSV: what is written reads back, and a bad file names its line. */
class GroupsJsonTest {

    @Test
    void groupsWithEveryFieldReadBackAsWritten() {
        List<MovedGroup> groups = List.of(
                new MovedGroup(new GroupName("admins"), "Operators of the pool", Optional.of(0),
                        Optional.of("arn:aws:iam::123456789012:role/admins"), List.of(new EmailAddress("ana@example.com"))),
                new MovedGroup(new GroupName("empty"), "", Optional.empty(), Optional.empty(), List.of()));
        StringWriter out = new StringWriter();

        GroupsJson.write(out, groups);

        assertThat(out.toString()).contains("\"GroupName\" : \"admins\"", "\"Precedence\" : 0", "\"Members\" : [ \"ana@example.com\" ]");
        assertThat(GroupsJson.read(new StringReader(out.toString()))).isEqualTo(groups);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("{\"Groups\": [\n{\"GroupName\": \"a\"},\n{\"GroupName\": \"b\", \"Colour\": \"red\"}]}", "line 3: unknown field \"Colour\""),
                Arguments.of("{\"Groups\": [\n{\"GroupName\": \"has space\"}]}", "line 2: the group has space: "),
                Arguments.of("{\"Groups\": [\n{\"GroupName\": \"a\"},\n\n{\"GroupName\": \"a\"}]}", "line 4: the group a is given twice"),
                Arguments.of("{\"Groups\": [\n{\"GroupName\": \"a\", \"Members\": [\"not an address\"]}]}", "line 2: the group a: "),
                Arguments.of("{\"Groups\": [\n{\"GroupName\": \"a\", \"Precedence\": \"first\"}]}", "line 2: \"Precedence\" must be a whole number"),
                Arguments.of("{\"Groups\": [\n{\"Description\": \"x\"}]}", "line 2: a group without \"GroupName\""),
                Arguments.of("{\"Users\": []}", "line 1: unknown field \"Users\""),
                Arguments.of("{}", "the file has no \"Groups\""),
                Arguments.of("[1, 2]", "the file must hold one JSON object"),
                Arguments.of("{\"Groups\": [\n{\"GroupName\": \"a\",}]}", "line 2: not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithTheLineAndTheReason(String file, String said) {
        assertThatThrownBy(() -> GroupsJson.read(new StringReader(file)))
                .isInstanceOf(MigrationFileException.class).hasMessageContaining(said);
    }
}
