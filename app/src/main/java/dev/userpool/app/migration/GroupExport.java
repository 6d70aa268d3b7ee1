package dev.userpool.app.migration;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.in.GroupAdministration;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a pool's groups and their members as the {@link GroupsJson} file beside the users' CSV. A
 * member that the CSV leaves out ({@link UserExport#moves}) is left out here too: the import could not
 * put an account it never created in a group.
 */
public final class GroupExport {
    private GroupExport() {}

    /** How many groups and memberships were written. */
    public record Summary(int groups, int memberships) {}

    public static Summary write(GroupAdministration groups, Writer out) {
        List<MovedGroup> moved = new ArrayList<>();
        int memberships = 0;
        Optional<String> cursor = Optional.empty();
        do {
            Page<Group> page = groups.list(new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Group g : page.items()) {
                List<EmailAddress> members = members(groups, g);
                memberships += members.size();
                moved.add(new MovedGroup(g.name(), g.description(), g.precedence(), g.roleArn(), members));
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        GroupsJson.write(out, moved);
        return new Summary(moved.size(), memberships);
    }

    private static List<EmailAddress> members(GroupAdministration groups, Group group) {
        List<EmailAddress> members = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<User> page = groups.members(group.name().value(), new PageRequest(PageRequest.MAX_LIMIT, cursor));
            page.items().stream().filter(UserExport::moves).map(User::email).forEach(members::add);
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return members;
    }
}
