package dev.userpool.embedded;

import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.port.out.SignInPolicyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The sign-in policy an operator set, in the one row of {@code sign_in_policy}. */
public final class SqliteSignInPolicyStore implements SignInPolicyStore {
    private final EmbeddedDatabase db;

    public SqliteSignInPolicyStore(EmbeddedDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<SignInPolicy> stored() {
        return db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT allowed_first_auth FROM sign_in_policy WHERE id = 1");
                 ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new SignInPolicy(Arrays.stream(rs.getString(1).split(",")).map(AuthFactor::parse)
                        .collect(Collectors.toSet())));
            }
        });
    }

    @Override
    public void store(SignInPolicy policy) {
        String factors = policy.allowedFirstFactors().stream().map(Enum::name).collect(Collectors.joining(","));
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT OR REPLACE INTO sign_in_policy (id, allowed_first_auth) VALUES (1, ?)")) {
                p.setString(1, factors);
                p.executeUpdate();
            }
            return null;
        });
    }
}
