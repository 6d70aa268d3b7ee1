package dev.userpool.embedded;

import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.GroupRank;
import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code groups} and {@code group_members} tables, shared by the group directory and the
 * authenticator (which puts an account's groups in its tokens).
 */
final class GroupRows {
    static final String COLUMNS = "name, description, precedence, role_arn, created_at, last_modified_at";

    /**
     * A column that lists the groups of the account whose id is {@code userIdColumn}, for a query that
     * already reads the account: one line per group, {@code precedence:name} (the precedence empty when
     * there is none). A newline cannot occur in a group's name.
     */
    static String tokenGroupsColumn(String userIdColumn) {
        return "(SELECT group_concat(COALESCE(g.precedence, '') || ':' || g.name, char(10))"
                + " FROM group_members m JOIN groups g ON g.name = m.group_name WHERE m.user_id = " + userIdColumn + ")";
    }

    /** What {@link #tokenGroupsColumn} read. */
    static List<GroupRank> parseTokenGroups(String column) {
        List<GroupRank> ranks = new ArrayList<>();
        if (column == null || column.isEmpty()) return ranks;
        for (String line : column.split("\n")) {
            int colon = line.indexOf(':');
            Optional<Integer> precedence = colon == 0 ? Optional.empty() : Optional.of(Integer.parseInt(line.substring(0, colon)));
            ranks.add(new GroupRank(new GroupName(line.substring(colon + 1)), precedence));
        }
        return ranks;
    }

    /** The account's groups as its tokens rank them; inside the sign-in's own transaction. */
    static List<GroupRank> tokenGroups(Connection c, UserId user) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + tokenGroupsColumn("?"))) {
            p.setString(1, user.value());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? parseTokenGroups(rs.getString(1)) : List.of();
            }
        }
    }

    static Optional<Group> byName(Connection c, GroupName name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM groups WHERE name = ?")) {
            p.setString(1, name.value());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static Group read(ResultSet rs) throws SQLException {
        long precedence = rs.getLong("precedence");
        Optional<Integer> rank = rs.wasNull() ? Optional.empty() : Optional.of((int) precedence);
        return new Group(new GroupName(rs.getString("name")), rs.getString("description"), rank,
                Optional.ofNullable(rs.getString("role_arn")), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("last_modified_at")));
    }

    /** Millisecond precision, as stored, so what a write answers equals what a read finds. */
    static Group asStored(Group g) {
        return new Group(g.name(), g.description(), g.precedence(), g.roleArn(),
                Instant.ofEpochMilli(g.createdAt().toEpochMilli()), Instant.ofEpochMilli(g.lastModifiedAt().toEpochMilli()));
    }

    static long count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (arg != null) p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
