package dev.userpool.core.port.in;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.Tokens;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cognito's choice-based sign-in ({@code USER_AUTH}): a user names a first factor, or is offered the
 * ones they can use ({@code SELECT_CHALLENGE}) and picks one — a password (sent, or proven by SRP), a
 * code emailed to their verified address ({@code EMAIL_OTP}), or a passkey ({@code WEB_AUTHN}). The pool's
 * {@link SignInPolicy} says which factors are on. Every name gets the same answers, with or without an
 * account; only the events record what really happened.
 */
public interface ChoiceBasedSignIn {

    /** The challenge names of choice-based sign-in, as Cognito's wire names them. */
    String SELECT_CHALLENGE = "SELECT_CHALLENGE";
    String PASSWORD = "PASSWORD";
    String PASSWORD_SRP = "PASSWORD_SRP";
    String EMAIL_OTP = "EMAIL_OTP";
    String WEB_AUTHN = "WEB_AUTHN";

    /** The pool's sign-in policy now. */
    SignInPolicy policy();

    /** An operator's change of the sign-in policy (UpdateUserPool); event {@code SIGN_IN_POLICY_CHANGED}. */
    SignInPolicy changePolicy(SignInPolicy policy, RequestContext context);

    /**
     * The first step: with a preferred challenge, that challenge ({@code InvalidParameter} when the policy
     * does not allow it), else {@code SELECT_CHALLENGE} listing what the user can choose.
     */
    Step start(Start command);

    /** The answer to {@code SELECT_CHALLENGE}: the chosen challenge's next step, with the session it was offered in. */
    Step choose(Choice command);

    /**
     * The emailed code: the tokens for the right one. A wrong one is {@code CodeMismatch} and counts toward
     * the account's lockout; after {@link #WRONG_CODES_PER_SESSION} the session is dead ({@code NotAuthorized}
     * "Invalid session for the user."), as is a used, unknown or another user's session; an expired code is
     * {@code ExpiredCode}.
     */
    Tokens answerEmailCode(CodeAnswer command);

    /** The passkey's assertion for the {@code WEB_AUTHN} challenge, checked by the passkeys. */
    Tokens answerPasskey(PasskeyAnswer command);

    /** Wrong codes a session takes before it dies: Cognito's three tries. */
    int WRONG_CODES_PER_SESSION = 3;

    /**
     * {@code preferred}: a challenge name ({@code PASSWORD}, {@code PASSWORD_SRP}, {@code EMAIL_OTP},
     * {@code WEB_AUTHN}) or empty; {@code password} for {@code PASSWORD}, {@code srpA} for {@code PASSWORD_SRP}.
     */
    record Start(String username, Optional<String> preferred, Optional<String> password, Optional<String> srpA,
                 RequestContext context) {
        public Start {
            Objects.requireNonNull(preferred, "preferred");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(srpA, "srpA");
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String toString() {
            return "Start[username=" + username + ", preferred=" + preferred + ", password=***, srpA=***]";
        }
    }

    /** The answer to {@code SELECT_CHALLENGE}: the session it came with, and the challenge chosen with what it needs. */
    record Choice(String username, String session, String answer, Optional<String> password, Optional<String> srpA,
                  RequestContext context) {
        public Choice {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(srpA, "srpA");
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String toString() {
            return "Choice[username=" + username + ", session=***, answer=" + answer + ", password=***, srpA=***]";
        }
    }

    record CodeAnswer(String username, String session, String code, RequestContext context) {
        @Override
        public String toString() {
            return "CodeAnswer[username=" + username + ", session=***, code=***]";
        }
    }

    record PasskeyAnswer(String username, String session, String credentialJson, RequestContext context) {
        @Override
        public String toString() {
            return "PasskeyAnswer[username=" + username + ", session=***, credential=***]";
        }
    }

    /** Where a step of choice-based sign-in leads. Sessions never print. */
    sealed interface Step {}

    /** {@code SELECT_CHALLENGE}: the challenges this user may choose, in Cognito's order. */
    record SelectChallenge(List<String> available, String session) implements Step {
        public SelectChallenge {
            available = List.copyOf(available);
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String toString() {
            return "SelectChallenge[available=" + available + ", session=***]";
        }
    }

    /** {@code EMAIL_OTP}: a code went to the (masked) address; answered with the session. */
    record EmailOtpChallenge(CodeDelivery delivery, String session) implements Step {
        public EmailOtpChallenge {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(session, "session");
        }

        @Override
        public String toString() {
            return "EmailOtpChallenge[delivery=" + delivery + ", session=***]";
        }
    }

    /** {@code PASSWORD_SRP} chosen: SRP's {@code PASSWORD_VERIFIER} challenge, answered as USER_SRP_AUTH's. */
    record PasswordVerifier(PasswordVerifierChallenge challenge) implements Step {
        public PasswordVerifier {
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /** {@code WEB_AUTHN}: the passkey's request options, answered with the session. */
    record PasskeyChallenge(PasskeyAuthentication.PasskeyChallenge challenge) implements Step {
        public PasskeyChallenge {
            Objects.requireNonNull(challenge, "challenge");
        }
    }

    /** {@code PASSWORD}: the password sign-in's outcome, tokens or its next challenge. */
    record PasswordResult(SignInResult result) implements Step {
        public PasswordResult {
            Objects.requireNonNull(result, "result");
        }
    }
}
