package dev.userpool.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.GroupAdministration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code userpool groups list|create|delete|add-user|remove-user|members} on a running app's pool. */
class GroupsCommandTest {

    private static String run(Consumer<PrintWriter> command) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            command.accept(out);
        }
        return text.toString();
    }

    @Test
    void theOperatorManagesGroupsAndMembersFromTheConsole() {
        try (RunningApp app = RunningApp.start(Map.of())) {
            new ApiClient(app.baseUrl()).register("rider@example.com");
            GroupAdministration groups = app.component().groupAdministration();

            assertThat(run(out -> GroupsCommand.create(groups, "riders", Optional.of("Unicorn riders"), Optional.of(1), Optional.empty(), out)))
                    .contains("Created group riders (precedence 1)");
            assertThat(run(out -> GroupsCommand.create(groups, "walkers", Optional.empty(), Optional.empty(), Optional.empty(), out)))
                    .contains("Created group walkers");
            assertThat(run(out -> GroupsCommand.list(groups, out))).contains("riders", "Unicorn riders", "walkers");
            assertThat(run(out -> GroupsCommand.addUser(groups, "riders", "rider@example.com", out))).contains("Added rider@example.com to riders");
            assertThat(run(out -> GroupsCommand.members(groups, "riders", out))).contains("rider@example.com");
            assertThat(run(out -> GroupsCommand.removeUser(groups, "riders", "rider@example.com", out))).contains("Removed");
            assertThat(run(out -> GroupsCommand.members(groups, "riders", out))).doesNotContain("rider@example.com");
            assertThat(run(out -> GroupsCommand.delete(groups, "walkers", out))).contains("Deleted group walkers");
            assertThat(run(out -> GroupsCommand.list(groups, out))).doesNotContain("walkers");

            assertThatThrownBy(() -> GroupsCommand.create(groups, "two words", Optional.empty(), Optional.empty(), Optional.empty(), new PrintWriter(new StringWriter())))
                    .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
            assertThatThrownBy(() -> GroupsCommand.addUser(groups, "nope", "rider@example.com", new PrintWriter(new StringWriter())))
                    .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
        }
    }

    @Test
    void theCommandLineNamesEverySubcommandAndItsArguments() {
        CommandLine cli = new CommandLine(GroupsCommand.class);
        assertThat(cli.getSubcommands().keySet()).containsExactly("list", "create", "delete", "add-user", "remove-user", "members");
        CommandLine.ParseResult parsed = cli.parseArgs("create", "riders", "--precedence", "2", "--description", "Unicorn riders");
        assertThat(parsed.subcommand().matchedPositional(0).<String>getValue()).isEqualTo("riders");
        assertThat(parsed.subcommand().matchedOption("--precedence").<Integer>getValue()).isEqualTo(2);
        assertThat(cli.parseArgs("add-user", "riders", "rider@example.com").subcommand().matchedPositionals()).hasSize(2);
    }
}
