package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.authenticationResult;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.NewPasswordRequired;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.NewPasswordCommand;
import dev.userpool.core.port.in.SignInResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito's {@code NEW_PASSWORD_REQUIRED} on the wire: the challenge a sign-in answers for an account
 * with an administrator's temporary password ({@link #challenge}), and its answer
 * ({@link #answer}: {@code USERNAME}, {@code NEW_PASSWORD}, the challenge's {@code Session}). Used by
 * InitiateAuth and RespondToAuthChallenge ({@link AuthOperations}), and callable by their Admin* twins.
 */
final class NewPasswordChallenge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Authentication authentication;
    private final LocalPool pool;

    NewPasswordChallenge(Authentication authentication, LocalPool pool) {
        this.authentication = authentication;
        this.pool = pool;
    }

    /** The answer of a sign-in: tokens, or the challenge. */
    static Map<String, Object> answerOf(SignInResult result) {
        if (result instanceof SignInResult.NewPasswordChallenge c) return challenge(c.challenge());
        if (result instanceof SignInResult.MfaChallenge c) return MfaOperations.challenge(c.challenge());   // issue 14, TOTP
        return authenticationResult(((SignInResult.Completed) result).tokens());
    }

    /**
     * As Cognito sends it: {@code userAttributes}, a JSON object in a string, of the account's attributes
     * but {@code sub}; {@code requiredAttributes}, a JSON list of the required attributes still missing
     * (none: the address, this pool's only required attribute, is the username); and the Session.
     */
    static Map<String, Object> challenge(NewPasswordRequired c) {
        User user = c.user();
        Map<String, String> attributes = new LinkedHashMap<>(user.attributes().values());
        attributes.put("email_verified", Boolean.toString(user.emailVerified()));
        attributes.put("email", user.email().value());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("USER_ID_FOR_SRP", user.id().value());
        parameters.put("requiredAttributes", "[]");
        parameters.put("userAttributes", json(attributes));
        return ordered("ChallengeName", NewPasswordRequired.NAME, "Session", c.session(), "ChallengeParameters", parameters);
    }

    /**
     * RespondToAuthChallenge with {@code NEW_PASSWORD_REQUIRED}. {@code userAttributes.email} may repeat the
     * address (clients hand back what the challenge listed), not change it; other attributes are not
     * written here.
     */
    Map<String, Object> answer(AppClient client, Map<String, String> responses, Optional<String> session, RequestContext context) {
        String username = required(responses, "USERNAME");
        String newPassword = required(responses, "NEW_PASSWORD");
        LocalPool.requireSecretHash(client, Optional.ofNullable(responses.get("SECRET_HASH")), username);
        String presented = session.orElseThrow(() -> CognitoError.invalidParameter("Missing required parameter Session"));
        for (Map.Entry<String, String> e : responses.entrySet()) {
            if (!e.getKey().startsWith("userAttributes.")) continue;
            String name = e.getKey().substring("userAttributes.".length());
            if (name.equals("email")) {
                if (!e.getValue().strip().equalsIgnoreCase(username.strip()) && username.contains("@")) {
                    throw CognitoError.invalidParameter("Cannot modify an already provided email");
                }
                continue;
            }
            throw CognitoError.invalidParameter("Cannot set attribute " + name + " while answering " + NewPasswordRequired.NAME
                    + ": this pool requires none; set it with AdminUpdateUserAttributes.");
        }
        Tokens tokens = authentication.completeNewPassword(new NewPasswordCommand(username, presented, newPassword,
                context));
        return authenticationResult(tokens);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) throw CognitoError.invalidParameter("Missing required parameter " + name);
        return value;
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
