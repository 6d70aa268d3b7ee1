package dev.userpool.core.port.out;

import dev.userpool.core.domain.Passkey;
import dev.userpool.core.domain.PasskeyCeremony;
import dev.userpool.core.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the accounts' passkeys and the pending WebAuthn challenges are kept. The core decides what may be
 * stored (limits, counters); this port stores it and hands each challenge back at most once.
 */
public interface PasskeyCredentials {

    /**
     * Stores a new passkey, unless its owner already holds {@code limit} of them ({@code LimitExceeded}) or
     * its credential id is already registered, to anyone ({@code InvalidParameter}); checked and stored at once.
     */
    void add(Passkey passkey, int limit);

    /** The account's passkeys, oldest first. */
    List<Passkey> of(UserId owner);

    /** The passkey with this credential id, whoever holds it. */
    Optional<Passkey> find(String credentialId);

    /** Removes the owner's passkey; false when the owner holds none with this id. */
    boolean remove(UserId owner, String credentialId);

    /**
     * Stores the sign count and time of a sign-in, only if the stored count is still {@code expectedCount}:
     * of two sign-ins racing with one assertion, one wins. False when it was not.
     */
    boolean recordUse(String credentialId, long expectedCount, long newCount, Instant at);

    /** Holds a posed challenge, replacing one held under the same key. */
    void hold(PasskeyCeremony ceremony);

    /** The challenge held under {@code key}, removed as it is returned: a challenge answers once. */
    Optional<PasskeyCeremony> take(String key);
}
