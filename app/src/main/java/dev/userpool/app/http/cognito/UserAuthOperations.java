package dev.userpool.app.http.cognito;

import dev.userpool.app.http.EvenTiming;
import dev.userpool.core.domain.AppClient;
import static dev.userpool.app.http.cognito.CognitoShapes.authenticationResult;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.ChoiceBasedSignIn.Choice;
import dev.userpool.core.port.in.ChoiceBasedSignIn.CodeAnswer;
import dev.userpool.core.port.in.ChoiceBasedSignIn.EmailOtpChallenge;
import dev.userpool.core.port.in.ChoiceBasedSignIn.PasskeyAnswer;
import dev.userpool.core.port.in.ChoiceBasedSignIn.PasskeyChallenge;
import dev.userpool.core.port.in.ChoiceBasedSignIn.PasswordResult;
import dev.userpool.core.port.in.ChoiceBasedSignIn.PasswordVerifier;
import dev.userpool.core.port.in.ChoiceBasedSignIn.SelectChallenge;
import dev.userpool.core.port.in.ChoiceBasedSignIn.Start;
import dev.userpool.core.port.in.ChoiceBasedSignIn.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cognito's choice-based sign-in on the wire: InitiateAuth with {@code AuthFlow=USER_AUTH}
 * ({@code USERNAME}, optional {@code PREFERRED_CHALLENGE}, {@code PASSWORD} or {@code SRP_A} for the
 * password challenges), and RespondToAuthChallenge with {@code SELECT_CHALLENGE} ({@code ANSWER}),
 * {@code EMAIL_OTP} ({@code EMAIL_OTP_CODE}) and {@code WEB_AUTHN} ({@code CREDENTIAL}). Everything that
 * decides is the core's {@link ChoiceBasedSignIn}; a {@code PASSWORD_SRP} choice is answered with
 * {@code PASSWORD_VERIFIER} by {@link AuthOperations}, as {@code USER_SRP_AUTH}'s.
 */
final class UserAuthOperations {
    /** The challenges RespondToAuthChallenge hands here. */
    static final Set<String> CHALLENGES = Set.of(ChoiceBasedSignIn.SELECT_CHALLENGE, ChoiceBasedSignIn.EMAIL_OTP,
            ChoiceBasedSignIn.WEB_AUTHN);

    private final ChoiceBasedSignIn signIn;
    private final LocalPool pool;

    UserAuthOperations(ChoiceBasedSignIn signIn, LocalPool pool) {
        this.signIn = signIn;
        this.pool = pool;
    }

    /**
     * InitiateAuth's (and AdminInitiateAuth's) {@code USER_AUTH}. It answers no sooner than
     * {@link EvenTiming#FLOOR}, success or refusal: a code written and mailed for a real account (or its
     * passkeys looked up) must not show in the time, as on {@code /api/signin/email-code}.
     */
    Map<String, Object> initiate(AppClient client, Map<String, String> parameters, RequestContext context) {
        return EvenTiming.atLeastFloor(() -> {
            String username = required(parameters, "USERNAME");
            LocalPool.requireSecretHash(client, Optional.ofNullable(parameters.get("SECRET_HASH")), username);
            return shapeOf(signIn.start(new Start(username, Optional.ofNullable(parameters.get("PREFERRED_CHALLENGE")),
                    Optional.ofNullable(parameters.get("PASSWORD")), Optional.ofNullable(parameters.get("SRP_A")), context)));
        });
    }

    /** RespondToAuthChallenge for one of {@link #CHALLENGES}. */
    Map<String, Object> respond(AppClient client, String challengeName, Map<String, String> responses, Optional<String> session,
                                RequestContext context) {
        String username = required(responses, "USERNAME");
        LocalPool.requireSecretHash(client, Optional.ofNullable(responses.get("SECRET_HASH")), username);
        String presented = session.filter(s -> !s.isBlank())
                .orElseThrow(() -> CognitoError.invalidParameter("Missing required parameter Session"));
        return switch (challengeName) {
            // choosing EMAIL_OTP mails a code to a real account only: timed like InitiateAuth's USER_AUTH
            case ChoiceBasedSignIn.SELECT_CHALLENGE -> EvenTiming.atLeastFloor(() -> shapeOf(signIn.choose(new Choice(username,
                    presented, required(responses, "ANSWER"), Optional.ofNullable(responses.get("PASSWORD")),
                    Optional.ofNullable(responses.get("SRP_A")), context))));
            case ChoiceBasedSignIn.EMAIL_OTP -> authenticationResult(signIn.answerEmailCode(new CodeAnswer(username, presented,
                    required(responses, "EMAIL_OTP_CODE"), context)));
            case ChoiceBasedSignIn.WEB_AUTHN -> authenticationResult(signIn.answerPasskey(new PasskeyAnswer(username, presented,
                    required(responses, "CREDENTIAL"), context)));
            default -> throw new IllegalArgumentException(challengeName);
        };
    }

    private static Map<String, Object> shapeOf(Step step) {
        if (step instanceof SelectChallenge s) {
            return ordered("ChallengeName", ChoiceBasedSignIn.SELECT_CHALLENGE, "Session", s.session(),
                    "ChallengeParameters", Map.of(), "AvailableChallenges", s.available());
        }
        if (step instanceof EmailOtpChallenge e) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", e.delivery().medium());
            parameters.put("CODE_DELIVERY_DESTINATION", e.delivery().destination());
            return ordered("ChallengeName", ChoiceBasedSignIn.EMAIL_OTP, "Session", e.session(), "ChallengeParameters", parameters);
        }
        if (step instanceof PasskeyChallenge p) {
            return ordered("ChallengeName", ChoiceBasedSignIn.WEB_AUTHN, "Session", p.challenge().session(),
                    "ChallengeParameters", Map.of("CREDENTIAL_REQUEST_OPTIONS", p.challenge().requestOptionsJson()));
        }
        if (step instanceof PasswordVerifier v) {
            PasswordVerifierChallenge c = v.challenge();
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("SALT", c.salt());
            parameters.put("SECRET_BLOCK", c.secretBlock());
            parameters.put("SRP_B", c.srpB());
            parameters.put("USERNAME", c.username());
            parameters.put("USER_ID_FOR_SRP", c.userIdForSrp());
            return ordered("ChallengeName", PasswordVerifierChallenge.NAME, "ChallengeParameters", parameters);
        }
        return NewPasswordChallenge.answerOf(((PasswordResult) step).result());
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) throw CognitoError.invalidParameter("Missing required parameter " + name);
        return value;
    }
}
