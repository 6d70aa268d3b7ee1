package dev.userpool.embedded;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.domain.ResourceServerRules;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.ResourceServerDirectory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pool's resource servers in the embedded database: their scopes one a line, {@code name TAB description}
 * (the rules keep tabs and line breaks out of scope names; a description's are written as spaces).
 */
public final class SqliteResourceServerDirectory implements ResourceServerDirectory {
    private final EmbeddedDatabase db;

    public SqliteResourceServerDirectory(EmbeddedDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<ResourceServer> find(String identifier) {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT identifier, name, scopes FROM resource_servers WHERE identifier = ?")) {
                p.setString(1, identifier);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public ResourceServer create(ResourceServer server) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO resource_servers (identifier, name, scopes) VALUES (?, ?, ?)"
                    + " ON CONFLICT (identifier) DO NOTHING")) {
                p.setString(1, server.identifier());
                p.setString(2, server.name());
                p.setString(3, scopes(server));
                if (p.executeUpdate() == 0) {
                    throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "Resource server " + server.identifier() + " already exists.");
                }
            }
            return server;
        });
    }

    @Override
    public ResourceServer replace(ResourceServer server) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE resource_servers SET name = ?, scopes = ? WHERE identifier = ?")) {
                p.setString(1, server.name());
                p.setString(2, scopes(server));
                p.setString(3, server.identifier());
                if (p.executeUpdate() == 0) throw ResourceServerRules.notFound(server.identifier());
            }
            return server;
        });
    }

    @Override
    public void delete(String identifier) {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM resource_servers WHERE identifier = ?")) {
                p.setString(1, identifier);
                if (p.executeUpdate() == 0) throw ResourceServerRules.notFound(identifier);
            }
            return null;
        });
    }

    @Override
    public List<ResourceServer> list() {
        return db.read(c -> {
            List<ResourceServer> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT identifier, name, scopes FROM resource_servers ORDER BY identifier");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        });
    }

    private static String scopes(ResourceServer server) {
        List<String> lines = new ArrayList<>();
        for (ResourceServer.Scope s : server.scopes()) lines.add(s.name() + "\t" + s.description().replaceAll("[\t\r\n]", " "));
        return AppClientRows.lines(lines);
    }

    private static ResourceServer read(ResultSet rs) throws java.sql.SQLException {
        List<ResourceServer.Scope> scopes = new ArrayList<>();
        for (String line : AppClientRows.list(rs.getString("scopes"))) {
            int tab = line.indexOf('\t');
            scopes.add(new ResourceServer.Scope(line.substring(0, tab), line.substring(tab + 1)));
        }
        return new ResourceServer(rs.getString("identifier"), rs.getString("name"), scopes);
    }
}
