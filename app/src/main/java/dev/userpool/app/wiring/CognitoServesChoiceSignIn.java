package dev.userpool.app.wiring;

import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import java.util.Objects;

/**
 * Choice-based sign-in with Cognito as the directory: Cognito serves {@code USER_AUTH} and its emailed
 * codes itself, so this app poses none — every attempt is refused with the reason, and nothing is kept
 * on the machine (a replica on AWS has no database of its own).
 */
final class CognitoServesChoiceSignIn implements ChoiceBasedSignIn {
    private static final String WHY = "Sign-in with an emailed code or a chosen factor (USER_AUTH) is Cognito's own "
            + "with USERPOOL_DIRECTORY=cognito: use Cognito's InitiateAuth with AuthFlow=USER_AUTH.";

    private final SignInPolicy policy;

    CognitoServesChoiceSignIn(SignInPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public SignInPolicy policy() {
        return policy;
    }

    @Override
    public SignInPolicy changePolicy(SignInPolicy policy, RequestContext context) {
        throw refused();
    }

    @Override
    public Step start(Start command) {
        throw refused();
    }

    @Override
    public Step choose(Choice command) {
        throw refused();
    }

    @Override
    public Tokens answerEmailCode(CodeAnswer command) {
        throw refused();
    }

    @Override
    public Tokens answerPasskey(PasskeyAnswer command) {
        throw refused();
    }

    private static UserPoolException refused() {
        return UserPoolException.invalidParameter("AuthFlow", WHY);
    }
}
