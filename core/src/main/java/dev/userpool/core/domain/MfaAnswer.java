package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to an {@link MfaRequired} challenge, for the account the core found by the name given: the
 * challenge's session and, for {@code SOFTWARE_TOKEN_MFA}, the app's code ({@code MFA_SETUP} is answered
 * by the app verified meanwhile). Never prints its session or code.
 */
public record MfaAnswer(User user, MfaRequired.Kind kind, String session, Optional<TotpCode> code) {
    public MfaAnswer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(code, "code");
        if (kind == MfaRequired.Kind.SOFTWARE_TOKEN_MFA && code.isEmpty()) {
            throw UserPoolException.invalidParameter("SOFTWARE_TOKEN_MFA_CODE", "is required");
        }
    }

    @Override
    public String toString() {
        return "MfaAnswer[" + user.email().masked() + ", " + kind + ", session=***, code=***]";
    }
}
