package dev.userpool.core.port.out;

import dev.userpool.core.domain.SignInPolicy;
import java.util.Optional;

/** Where the pool keeps the sign-in policy an operator set (Cognito's UpdateUserPool); empty until one is set. */
public interface SignInPolicyStore {

    Optional<SignInPolicy> stored();

    void store(SignInPolicy policy);
}
