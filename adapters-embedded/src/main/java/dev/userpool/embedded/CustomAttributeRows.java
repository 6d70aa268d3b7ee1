package dev.userpool.embedded;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributeDataType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code custom_attributes} table: the pool's custom attributes, in the order they were added. */
final class CustomAttributeRows {
    private CustomAttributeRows() {}

    static List<AttributeDefinition> all(Connection c) throws SQLException {
        List<AttributeDefinition> all = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT name, data_type, mutable, min_value, max_value FROM custom_attributes ORDER BY position");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                AttributeDataType type = AttributeDataType.valueOf(rs.getString("data_type"));
                all.add(new AttributeDefinition(rs.getString("name"), type, rs.getInt("mutable") != 0,
                        optionalLong(rs, "min_value"), optionalLong(rs, "max_value"), AttributeDefinition.Format.ANY));
            }
        }
        return all;
    }

    /** Appends {@code added}; a name that exists is refused as Cognito refuses it, and nothing is added. */
    static void add(Connection c, List<AttributeDefinition> added) throws SQLException {
        for (AttributeDefinition d : added) {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM custom_attributes WHERE name = ?")) {
                p.setString(1, d.name());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                                d.name() + ": Existing attribute already has name " + d.name() + ".");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO custom_attributes (name, position, data_type, mutable,"
                    + " min_value, max_value) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM custom_attributes), ?, ?, ?, ?)")) {
                p.setString(1, d.name());
                p.setString(2, d.type().name());
                p.setInt(3, d.mutable() ? 1 : 0);
                setOptional(p, 4, d.min());
                setOptional(p, 5, d.max());
                p.executeUpdate();
            }
        }
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void setOptional(PreparedStatement p, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) p.setLong(index, value.get());
        else p.setNull(index, Types.INTEGER);
    }
}
