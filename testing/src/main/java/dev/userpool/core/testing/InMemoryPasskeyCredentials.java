package dev.userpool.core.testing;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.PasskeyCeremony;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.PasskeyCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passkeys and pending challenges in maps, for tests of the core; the same rules as the embedded store. */
public final class InMemoryPasskeyCredentials implements PasskeyCredentials {
    private final Map<String, Passkey> passkeys = new LinkedHashMap<>();
    private final Map<String, PasskeyCeremony> ceremonies = new HashMap<>();

    @Override
    public synchronized void add(Passkey passkey, int limit) {
        if (passkeys.containsKey(passkey.credentialId())) {
            throw UserPoolException.invalidParameter("Credential", "this passkey is already registered");
        }
        if (of(passkey.owner()).size() >= limit) {
            throw new UserPoolException(ErrorCode.LIMIT_EXCEEDED, "The user already has the most passkeys allowed (" + limit + ").");
        }
        passkeys.put(passkey.credentialId(), passkey);
    }

    @Override
    public synchronized List<Passkey> of(UserId owner) {
        List<Passkey> held = new ArrayList<>();
        for (Passkey p : passkeys.values()) if (p.owner().equals(owner)) held.add(p);
        return held;
    }

    @Override
    public synchronized Optional<Passkey> find(String credentialId) {
        return Optional.ofNullable(passkeys.get(credentialId));
    }

    @Override
    public synchronized boolean remove(UserId owner, String credentialId) {
        Passkey p = passkeys.get(credentialId);
        if (p == null || !p.owner().equals(owner)) return false;
        passkeys.remove(credentialId);
        return true;
    }

    @Override
    public synchronized boolean recordUse(String credentialId, long expectedCount, long newCount, Instant at) {
        Passkey p = passkeys.get(credentialId);
        if (p == null || p.signCount() != expectedCount) return false;
        passkeys.put(credentialId, p.used(newCount, at));
        return true;
    }

    @Override
    public synchronized void hold(PasskeyCeremony ceremony) {
        ceremonies.put(ceremony.key(), ceremony);
    }

    @Override
    public synchronized Optional<PasskeyCeremony> take(String key) {
        return Optional.ofNullable(ceremonies.remove(key));
    }
}
