package dev.userpool.embedded;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.SignInStep;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.port.out.SignInChallenges;
import java.util.Objects;
import java.util.Optional;

/**
 * Cognito's {@code USER_SRP_AUTH} on the embedded directory: the {@link SrpServer} poses the challenge
 * (with its per-caller caps and simulated challenges for names without an account), the
 * {@link SqliteAuthenticator} checks the answer under the same lockout as a password.
 */
public final class SrpSignInChallenges implements SignInChallenges {
    private final SrpServer srp;
    private final SqliteAuthenticator authenticator;

    /** {@code srp} must be the one {@code authenticator} was made with: it holds the pending challenges. */
    public SrpSignInChallenges(SrpServer srp, SqliteAuthenticator authenticator) {
        this.srp = Objects.requireNonNull(srp, "srp");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** Answers that sign in for {@code clientId}: the same pending challenges, the authenticator bound to the client. */
    @Override
    public SignInChallenges forAppClient(String clientId) {
        return new SrpSignInChallenges(srp, authenticator.forClient(clientId));
    }

    @Override
    public PasswordVerifierChallenge pose(String username, String srpA, String caller) {
        SrpServer.Challenge c = srp.begin(username, srpA, caller);
        return new PasswordVerifierChallenge(c.srpB(), c.salt(), c.secretBlock(), c.userIdForSrp(), c.username());
    }

    @Override
    public Optional<String> challengedName(String session) {
        return srp.challengedName(session);
    }

    @Override
    public SignedIn answer(ChallengeAnswer answer) {
        return authenticator.answerChallenge(answer);
    }

    /** A right proof for an account with a temporary password answers NEW_PASSWORD_REQUIRED, as a password does. */
    @Override
    public SignInStep answerStep(ChallengeAnswer answer) {
        return authenticator.answerChallengeStep(answer);
    }
}
