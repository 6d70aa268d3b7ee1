package dev.userpool.core.testing;

import dev.userpool.core.domain.AuthorizationGrant;
import dev.userpool.core.port.out.AuthorizationCodes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes in memory (issue 15); {@link #take} removes atomically, as the port requires. */
public final class InMemoryAuthorizationCodes implements AuthorizationCodes {
    private final Map<String, AuthorizationGrant> codes = new ConcurrentHashMap<>();

    @Override
    public String issue(AuthorizationGrant grant) {
        String code = UUID.randomUUID().toString() + UUID.randomUUID();
        codes.put(code, grant);
        return code;
    }

    @Override
    public Optional<AuthorizationGrant> take(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.remove(code));
    }
}
