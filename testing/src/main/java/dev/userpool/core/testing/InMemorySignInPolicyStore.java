package dev.userpool.core.testing;

import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.port.out.SignInPolicyStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@link SignInPolicyStore} in a field. */
public final class InMemorySignInPolicyStore implements SignInPolicyStore {
    private final AtomicReference<SignInPolicy> policy = new AtomicReference<>();

    @Override
    public Optional<SignInPolicy> stored() {
        return Optional.ofNullable(policy.get());
    }

    @Override
    public void store(SignInPolicy p) {
        policy.set(p);
    }
}
