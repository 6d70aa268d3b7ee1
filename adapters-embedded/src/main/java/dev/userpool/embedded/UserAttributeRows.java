package dev.userpool.embedded;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code user_attributes} table: an account's attributes, one row each. They are read with the
 * account, in the same statement ({@link #column}), so a sign-in costs no second round trip for them.
 */
final class UserAttributeRows {
    /**
     * A column of a query on {@code users} (as {@code usersTable}, its name or alias there): the
     * account's attributes as one JSON object, {@code {}} when none, named {@code attributes}.
     */
    static String column(String usersTable) {
        return "(SELECT json_group_object(a.name, a.value) FROM user_attributes a WHERE a.user_id = " + usersTable
                + ".id) AS attributes";
    }

    private UserAttributeRows() {}

    static UserAttributes parse(String json) throws SQLException {
        if (json == null || json.equals("{}")) return UserAttributes.none();
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json);
            TreeMap<String, String> values = new TreeMap<>();
            object.forEach((name, value) -> values.put(name, String.valueOf(value)));
            return UserAttributes.of(values);
        } catch (ParseException e) {
            throw new SQLException("unreadable attributes of an account", e);
        }
    }

    /** Makes the stored attributes of {@code id} exactly {@code attributes}. */
    static void replace(Connection c, UserId id, UserAttributes attributes) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM user_attributes WHERE user_id = ?")) {
            p.setString(1, id.value());
            p.executeUpdate();
        }
        insert(c, id, attributes);
    }

    static void insert(Connection c, UserId id, UserAttributes attributes) throws SQLException {
        if (attributes.isEmpty()) return;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO user_attributes (user_id, name, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> a : attributes.values().entrySet()) {
                p.setString(1, id.value());
                p.setString(2, a.getKey());
                p.setString(3, a.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
    }
}
