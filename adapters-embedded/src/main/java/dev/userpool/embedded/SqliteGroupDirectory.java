package dev.userpool.embedded;

import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRules;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.GroupDirectory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pool's groups in the embedded database. Each change is one transaction, its quota counted in
 * it, so two concurrent additions cannot both pass a limit only one of them fits under. Memberships
 * go with their account or group (foreign keys, cascade).
 */
public final class SqliteGroupDirectory implements GroupDirectory {
    private final EmbeddedDatabase db;
    private final int groupsPerPool;

    public SqliteGroupDirectory(EmbeddedDatabase db) {
        this(db, GroupRules.GROUPS_PER_POOL);
    }

    /** With a smaller pool quota, so that a test can reach it. */
    SqliteGroupDirectory(EmbeddedDatabase db, int groupsPerPool) {
        this.db = Objects.requireNonNull(db, "db");
        this.groupsPerPool = groupsPerPool;
    }

    @Override
    public Group create(Group group) {
        Group stored = GroupRows.asStored(group);
        return db.transaction(c -> {
            if (GroupRows.byName(c, group.name()).isPresent()) throw GroupRules.groupExists();
            if (GroupRows.count(c, "SELECT COUNT(*) FROM groups", null) >= groupsPerPool) throw GroupRules.tooManyGroupsInPool();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO groups (" + GroupRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, stored.name().value());
                bindFields(p, 2, stored);
                p.setLong(5, stored.createdAt().toEpochMilli());
                p.setLong(6, stored.lastModifiedAt().toEpochMilli());
                p.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public Optional<Group> find(GroupName name) {
        return db.read(c -> GroupRows.byName(c, name));
    }

    @Override
    public Group update(Group changed) {
        Group stored = GroupRows.asStored(changed);
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE groups SET description = ?, precedence = ?, role_arn = ?, last_modified_at = ? WHERE name = ?")) {
                bindFields(p, 1, stored);
                p.setLong(4, stored.lastModifiedAt().toEpochMilli());
                p.setString(5, stored.name().value());
                if (p.executeUpdate() == 0) throw GroupRules.groupNotFound();
            }
            // the creation time is the stored one, whatever the change was read from
            return GroupRows.byName(c, stored.name()).orElseThrow(GroupRules::groupNotFound);
        });
    }

    @Override
    public void delete(GroupName name) {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM groups WHERE name = ?")) {
                p.setString(1, name.value());
                if (p.executeUpdate() == 0) throw GroupRules.groupNotFound();
            }
            return null;
        });
    }

    @Override
    public Page<Group> list(PageRequest page) {
        Optional<String> after = page.cursor().map(cursor -> PageCursor.decode(cursor, 1).get(0));
        return db.read(c -> {
            String sql = "SELECT " + GroupRows.COLUMNS + " FROM groups" + (after.isPresent() ? " WHERE name > ?" : "")
                    + " ORDER BY name LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                if (after.isPresent()) p.setString(i++, after.get());
                p.setInt(i, page.limit() + 1);
                return groupPage(p, page.limit());
            }
        });
    }

    @Override
    public void addMember(GroupName group, UserId user) {
        db.transaction(c -> {
            requireGroup(c, group);
            requireUser(c, user);
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM group_members WHERE group_name = ? AND user_id = ?")) {
                p.setString(1, group.value());
                p.setString(2, user.value());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) return null;   // a member already: Cognito answers success
                }
            }
            if (GroupRows.count(c, "SELECT COUNT(*) FROM group_members WHERE user_id = ?", user.value()) >= GroupRules.GROUPS_PER_USER) {
                throw GroupRules.tooManyGroupsForUser();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO group_members (group_name, user_id) VALUES (?, ?)")) {
                p.setString(1, group.value());
                p.setString(2, user.value());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void removeMember(GroupName group, UserId user) {
        db.transaction(c -> {
            requireGroup(c, group);
            requireUser(c, user);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM group_members WHERE group_name = ? AND user_id = ?")) {
                p.setString(1, group.value());
                p.setString(2, user.value());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Page<Group> groupsOf(UserId user, PageRequest page) {
        Optional<String> after = page.cursor().map(cursor -> PageCursor.decode(cursor, 1).get(0));
        return db.read(c -> {
            requireUser(c, user);
            String sql = "SELECT " + prefixed("g.") + " FROM group_members m JOIN groups g ON g.name = m.group_name"
                    + " WHERE m.user_id = ?" + (after.isPresent() ? " AND g.name > ?" : "") + " ORDER BY g.name LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                p.setString(i++, user.value());
                if (after.isPresent()) p.setString(i++, after.get());
                p.setInt(i, page.limit() + 1);
                return groupPage(p, page.limit());
            }
        });
    }

    @Override
    public Page<User> members(GroupName group, PageRequest page) {
        Optional<String> after = page.cursor().map(cursor -> PageCursor.decode(cursor, 1).get(0));
        return db.read(c -> {
            requireGroup(c, group);
            String sql = "SELECT u.id, u.email, u.status, u.email_verified, u.enabled, u.created_at, "   // what UserRows.read reads
                    + UserAttributeRows.column("u")
                    + " FROM group_members m JOIN users u ON u.id = m.user_id WHERE m.group_name = ?"
                    + (after.isPresent() ? " AND u.id > ?" : "") + " ORDER BY u.id LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                p.setString(i++, group.value());
                if (after.isPresent()) p.setString(i++, after.get());
                p.setInt(i, page.limit() + 1);
                List<User> users = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) users.add(UserRows.read(rs));
                }
                return page(users, page.limit(), u -> u.id().value());
            }
        });
    }

    @Override
    public boolean isMember(GroupName group, UserId user) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM group_members WHERE group_name = ? AND user_id = ?")) {
                p.setString(1, group.value());
                p.setString(2, user.value());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static void bindFields(PreparedStatement p, int first, Group g) throws SQLException {
        p.setString(first, g.description());
        if (g.precedence().isPresent()) {
            p.setInt(first + 1, g.precedence().get());
        } else {
            p.setNull(first + 1, java.sql.Types.INTEGER);
        }
        p.setString(first + 2, g.roleArn().orElse(null));
    }

    private static void requireGroup(Connection c, GroupName group) throws SQLException {
        if (GroupRows.count(c, "SELECT COUNT(*) FROM groups WHERE name = ?", group.value()) == 0) throw GroupRules.groupNotFound();
    }

    private static void requireUser(Connection c, UserId user) throws SQLException {
        if (GroupRows.count(c, "SELECT COUNT(*) FROM users WHERE id = ?", user.value()) == 0) throw UserPoolException.userNotFound();
    }

    private static String prefixed(String alias) {
        return alias + GroupRows.COLUMNS.replace(", ", ", " + alias);
    }

    /** Read {@code limit + 1} rows: the one past the page says there is a next one. */
    private static Page<Group> groupPage(PreparedStatement p, int limit) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) groups.add(GroupRows.read(rs));
        }
        return page(groups, limit, g -> g.name().value());
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> key) {
        if (rows.size() <= limit) return new Page<>(rows, Optional.empty());
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, Optional.of(PageCursor.encode(key.apply(items.get(limit - 1)))));
    }
}
