package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import dev.userpool.core.domain.RequestContext;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Server-side sign-in: AdminInitiateAuth ({@code ADMIN_USER_PASSWORD_AUTH}, Cognito's older name for it
 * {@code ADMIN_NO_SRP_AUTH}, {@code REFRESH_TOKEN_AUTH}, and choice-based {@code USER_AUTH}) and
 * AdminRespondToAuthChallenge (every challenge RespondToAuthChallenge answers), the calls a
 * backend makes with its admin credentials on its user's behalf. They answer as InitiateAuth and
 * RespondToAuthChallenge do because they are those: the password, refresh and challenge steps of
 * {@link AuthOperations}, with the same core use cases, lockout, user-enumeration protection and
 * {@code SIGN_IN} / {@code TOKENS_REFRESHED} events. Two things differ: the caller must be an admin caller
 * ({@link AdminOperations#guarded}, which also checks the UserPoolId), and the request context is the
 * user's as the backend reports it in {@code ContextData} ({@link ContextData}).
 */
final class AdminAuthOperations {
    private static final String FLOWS = "ADMIN_USER_PASSWORD_AUTH (ADMIN_NO_SRP_AUTH), REFRESH_TOKEN_AUTH (REFRESH_TOKEN), USER_AUTH";

    private final AuthOperations auth;
    private final LocalPool pool;

    /**
     * Whether a client allows {@code ADMIN_USER_PASSWORD_AUTH} is its ExplicitAuthFlows' to say
     * ({@code ALLOW_ADMIN_USER_PASSWORD_AUTH}; the default client's follows {@code USERPOOL_ADMIN_USER_PASSWORD_AUTH}).
     */
    AdminAuthOperations(AuthOperations auth, LocalPool pool) {
        this.auth = auth;
        this.pool = pool;
    }

    Map<String, Object> initiateAuth(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String flow = request.required("AuthFlow");
        Map<String, String> parameters = request.map("AuthParameters");
        RequestContext context = LocalPool.through(client, ContextData.requestContext(request, ctx));
        return switch (flow) {
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> {
                // Cognito's answer when the app client lacks ALLOW_ADMIN_USER_PASSWORD_AUTH
                LocalPool.requireFlow(client, AppClientRules.ALLOW_ADMIN_USER_PASSWORD_AUTH, flow);
                yield auth.signInWithPassword(client, parameters, context);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                LocalPool.requireFlow(client, AppClientRules.ALLOW_REFRESH_TOKEN_AUTH, flow);
                yield auth.refresh(client, parameters, context);
            }
            // choice-based sign-in (issue 14): InitiateAuth's USER_AUTH, its challenges answered by AdminRespondToAuthChallenge
            case "USER_AUTH" -> auth.userAuth(client, parameters, context);
            // the client-side password flow belongs to InitiateAuth, as on Cognito
            case "USER_PASSWORD_AUTH" -> throw CognitoError.invalidParameter("Initiate Auth method not supported");
            default -> throw CognitoError.invalidParameter("Unsupported AuthFlow " + flow + ": AdminInitiateAuth here serves " + FLOWS + ".");
        };
    }

    Map<String, Object> respondToAuthChallenge(CognitoRequest request, Context ctx) {
        return auth.answerChallenge(request, ContextData.requestContext(request, ctx));
    }
}
