package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.AppComponent;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.GroupAdministration.GroupCommand;
import dev.userpool.core.port.in.GroupAdministration.MembershipCommand;
import dev.userpool.core.port.in.GroupAdministration.NewGroup;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The operator's console actions on groups, on the same data directory (or Cognito pool) as the
 * service; each change is recorded with the actor {@code SYSTEM}, like the other console actions.
 */
@Command(name = "groups", description = "List, create and delete groups, and change their members.",
        subcommands = {GroupsCommand.List.class, GroupsCommand.Create.class, GroupsCommand.Delete.class,
                GroupsCommand.AddUser.class, GroupsCommand.RemoveUser.class, GroupsCommand.Members.class})
public final class GroupsCommand {
    private GroupsCommand() {}

    /** Runs {@code action} on the configured app's group use cases, writing to the command's output. */
    private static void withGroups(CommandSpec spec, BiConsumer<GroupAdministration, PrintWriter> action) {
        PrintWriter out = spec.commandLine().getOut();
        try (AppComponent app = AppComponent.create(Settings.fromEnvironment(), Clock.systemUTC())) {
            action.accept(app.groupAdministration(), out);
        }
        out.flush();
    }

    private static RequestContext context() {
        return RequestContext.internal("cli-" + UUID.randomUUID());
    }

    static void list(GroupAdministration groups, PrintWriter out) {
        out.printf("%-32s %-10s %s%n", "GROUP", "PRECEDENCE", "DESCRIPTION");
        all(groups::list, g -> out.printf("%-32s %-10s %s%n", g.name(), g.precedence().map(String::valueOf).orElse("-"), g.description()));
    }

    static void create(GroupAdministration groups, String name, Optional<String> description, Optional<Integer> precedence,
                       Optional<String> roleArn, PrintWriter out) {
        Group g = groups.create(new NewGroup(Actor.system(), name, description, precedence, roleArn, context()));
        out.printf("Created group %s%s%n", g.name(), g.precedence().map(p -> " (precedence " + p + ")").orElse(""));
    }

    static void delete(GroupAdministration groups, String name, PrintWriter out) {
        groups.delete(new GroupCommand(Actor.system(), name, context()));
        out.printf("Deleted group %s%n", name);
    }

    static void addUser(GroupAdministration groups, String name, String user, PrintWriter out) {
        groups.addUser(new MembershipCommand(Actor.system(), name, user, context()));
        out.printf("Added %s to %s%n", user, name);
    }

    static void removeUser(GroupAdministration groups, String name, String user, PrintWriter out) {
        groups.removeUser(new MembershipCommand(Actor.system(), name, user, context()));
        out.printf("Removed %s from %s%n", user, name);
    }

    static void members(GroupAdministration groups, String name, PrintWriter out) {
        out.printf("%-40s %s%n", "EMAIL", "USER ID");
        all(page -> groups.members(name, page), u -> out.printf("%-40s %s%n", u.email(), u.id()));
    }

    private static <T> void all(Function<PageRequest, Page<T>> listing, java.util.function.Consumer<T> each) {
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = listing.apply(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            page.items().forEach(each);
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    @Command(name = "list", description = "List the groups with their precedence and description.")
    static final class List implements Runnable {
        @Spec CommandSpec spec;

        @Override
        public void run() {
            withGroups(spec, GroupsCommand::list);
        }
    }

    @Command(name = "create", description = "Create a group (Cognito's rules: a name of 1 to 128 characters without spaces).")
    static final class Create implements Runnable {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "GROUP")
        String name;

        @Option(names = "--description", description = "up to 2048 characters")
        String description;

        @Option(names = "--precedence", description = "0 or more; lower ranks first in the tokens' cognito:groups")
        Integer precedence;

        @Option(names = "--role-arn", description = "an IAM role ARN, stored and shown")
        String roleArn;

        @Override
        public void run() {
            withGroups(spec, (groups, out) -> create(groups, name, Optional.ofNullable(description), Optional.ofNullable(precedence),
                    Optional.ofNullable(roleArn), out));
        }
    }

    @Command(name = "delete", description = "Delete a group; its members leave it.")
    static final class Delete implements Runnable {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "GROUP")
        String name;

        @Override
        public void run() {
            withGroups(spec, (groups, out) -> delete(groups, name, out));
        }
    }

    @Command(name = "add-user", description = "Put a user (email or sub) in a group.")
    static final class AddUser implements Runnable {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "GROUP")
        String name;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        public void run() {
            withGroups(spec, (groups, out) -> addUser(groups, name, user, out));
        }
    }

    @Command(name = "remove-user", description = "Take a user (email or sub) out of a group.")
    static final class RemoveUser implements Runnable {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "GROUP")
        String name;

        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        public void run() {
            withGroups(spec, (groups, out) -> removeUser(groups, name, user, out));
        }
    }

    @Command(name = "members", description = "List the members of a group.")
    static final class Members implements Runnable {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "GROUP")
        String name;

        @Override
        public void run() {
            withGroups(spec, (groups, out) -> members(groups, name, out));
        }
    }
}
