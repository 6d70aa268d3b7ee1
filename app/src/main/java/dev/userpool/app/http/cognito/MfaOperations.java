package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.AppClient;
import static dev.userpool.app.http.cognito.CognitoShapes.authenticationResult;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.in.MultiFactor.Holder;
import dev.userpool.core.port.in.SignInResult;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticator apps (TOTP) on Cognito's wire (issue 14): AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference, AdminSetUserMFAPreference; the {@code SOFTWARE_TOKEN_MFA} and {@code MFA_SETUP}
 * challenges a sign-in answers ({@link #challenge}) and their answers ({@link #answer}); and the MFA
 * members of GetUser and AdminGetUser ({@link #withSettings}, {@link #withAdminSettings}).
 */
final class MfaOperations {
    private final MultiFactor multiFactor;
    private final LocalPool pool;

    MfaOperations(MultiFactor multiFactor, LocalPool pool) {
        this.multiFactor = multiFactor;
        this.pool = pool;
    }

    /** The challenge as Cognito sends it: the account's {@code sub} as USER_ID_FOR_SRP, and for MFA_SETUP what may be set up. */
    static Map<String, Object> challenge(MfaRequired c) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (c.kind() == MfaRequired.Kind.MFA_SETUP) {
            parameters.put("MFAS_CAN_SETUP", "[\"" + MfaSettings.SOFTWARE_TOKEN_MFA + "\"]");
        }
        parameters.put("USER_ID_FOR_SRP", c.user().id().value());
        return ordered("ChallengeName", c.kind().name(), "Session", c.session(), "ChallengeParameters", parameters);
    }

    /** A sign-in's answer: the MFA challenge when it ended in one, else {@code otherwise}'s. */
    static Optional<Map<String, Object>> challengeOf(SignInResult result) {
        return result instanceof SignInResult.MfaChallenge c ? Optional.of(challenge(c.challenge())) : Optional.empty();
    }

    /** AssociateSoftwareToken: an AccessToken or a Session (of MFA_SETUP), not both. */
    Map<String, Object> associateSoftwareToken(CognitoRequest request, Context ctx) {
        MultiFactor.Association a = multiFactor.associate(holder(request), RequestContexts.of(ctx));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("SecretCode", a.secret().base32());
        a.session().ifPresent(s -> answer.put("Session", s));
        return answer;
    }

    /**
     * VerifySoftwareToken: {@code Status SUCCESS}; a wrong code is EnableSoftwareTokenMFAException (as
     * Cognito answers it, rather than {@code Status ERROR}).
     */
    Map<String, Object> verifySoftwareToken(CognitoRequest request, Context ctx) {
        String code = request.required("UserCode");
        Optional<String> session = multiFactor.verify(holder(request), code, request.optional("FriendlyDeviceName"),
                RequestContexts.of(ctx));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Status", "SUCCESS");
        session.ifPresent(s -> answer.put("Session", s));
        return answer;
    }

    Map<String, Object> setUserMfaPreference(CognitoRequest request, Context ctx) {
        String token = request.required("AccessToken");
        rejectSms(request);
        Optional<SoftwareTokenPreference> choice = preference(request);
        if (choice.isPresent()) multiFactor.setPreference(token, choice.get(), RequestContexts.of(ctx));
        else multiFactor.settings(token);   // still proves the token
        return Map.of();
    }

    Map<String, Object> adminSetUserMfaPreference(CognitoRequest request, Context ctx) {
        String username = request.required("Username");
        rejectSms(request);
        Optional<SoftwareTokenPreference> choice = preference(request);
        if (choice.isPresent()) multiFactor.adminSetPreference(username, choice.get(), Actor.system(), RequestContexts.of(ctx));
        else multiFactor.adminSettings(username);
        return Map.of();
    }

    /** RespondToAuthChallenge with SOFTWARE_TOKEN_MFA ({@code SOFTWARE_TOKEN_MFA_CODE}) or MFA_SETUP. */
    Map<String, Object> answer(AppClient client, MfaRequired.Kind kind, Map<String, String> responses, Optional<String> session,
                               RequestContext context) {
        String username = required(responses, "USERNAME");
        LocalPool.requireSecretHash(client, Optional.ofNullable(responses.get("SECRET_HASH")), username);
        String presented = session.orElseThrow(() -> CognitoError.invalidParameter("Missing required parameter Session"));
        Optional<String> code = Optional.empty();
        if (kind == MfaRequired.Kind.SOFTWARE_TOKEN_MFA) code = Optional.of(required(responses, "SOFTWARE_TOKEN_MFA_CODE"));
        return authenticationResult(multiFactor.answerChallenge(new MultiFactor.ChallengeCommand(kind.name(), username,
                presented, code, context)));
    }

    /** GetUser with the holder's MFA members, as Cognito adds them when there are any. */
    Operation withSettings(Operation getUser) {
        return (request, ctx) -> {
            Map<String, Object> answer = new LinkedHashMap<>(getUser.run(request, ctx));
            addSettings(answer, multiFactor.settings(request.required("AccessToken")));
            return answer;
        };
    }

    /** AdminGetUser with the account's MFA members. */
    Operation withAdminSettings(Operation adminGetUser) {
        return (request, ctx) -> {
            Map<String, Object> answer = new LinkedHashMap<>(adminGetUser.run(request, ctx));
            addSettings(answer, multiFactor.adminSettings(request.required("Username")));
            return answer;
        };
    }

    private static void addSettings(Map<String, Object> answer, MfaSettings settings) {
        if (!settings.enabledFactors().isEmpty()) answer.put("UserMFASettingList", settings.enabledFactors());
        settings.preferred().ifPresent(p -> answer.put("PreferredMfaSetting", p));
    }

    private static Holder holder(CognitoRequest request) {
        Optional<String> token = request.optional("AccessToken");
        Optional<String> session = request.optional("Session");
        if (token.isPresent() && session.isPresent()) {
            throw CognitoError.invalidParameter("Only one of AccessToken or Session may be sent.");
        }
        if (token.isPresent()) return new Holder.ByAccessToken(token.get());
        if (session.isPresent()) return new Holder.BySetupSession(session.get());
        throw CognitoError.invalidParameter("Missing required parameter AccessToken or Session");
    }

    /** {@code SoftwareTokenMfaSettings}: absent leaves the settings as they are; a missing member is false. */
    private static Optional<SoftwareTokenPreference> preference(CognitoRequest request) {
        return request.object("SoftwareTokenMfaSettings").map(s -> new SoftwareTokenPreference(
                s.bool("Enabled").orElse(false), s.bool("PreferredMfa").orElse(false)));
    }

    /** This pool sends no SMS: turning SMS MFA on is refused; SMS settings that turn it off change nothing. */
    private static void rejectSms(CognitoRequest request) {
        Optional<CognitoRequest> sms = request.object("SMSMfaSettings");
        if (sms.isPresent() && (sms.get().bool("Enabled").orElse(false) || sms.get().bool("PreferredMfa").orElse(false))) {
            throw CognitoError.invalidParameter("User does not have delivery config set to turn on SMS_MFA");
        }
        if (request.object("EmailMfaSettings").flatMap(e -> e.bool("Enabled")).orElse(false)) {
            throw CognitoError.invalidParameter("Email MFA is not served by this pool's MFA settings.");
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) throw CognitoError.invalidParameter("Missing required parameter " + name);
        return value;
    }
}
