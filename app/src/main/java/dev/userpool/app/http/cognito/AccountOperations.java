package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.delivery;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.ChangePasswordCommand;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * What an account holder does with a token or a reset code (GetUser: {@link AttributeOperations}): GlobalSignOut, RevokeToken,
 * ForgotPassword, ConfirmForgotPassword, ChangePassword and DeleteUser, through the Authentication use cases.
 */
final class AccountOperations {
    private final Authentication authentication;
    private final LocalPool pool;

    AccountOperations(Authentication authentication, LocalPool pool) {
        this.authentication = authentication;
        this.pool = pool;
    }

    Map<String, Object> globalSignOut(CognitoRequest request, Context ctx) {
        authentication.signOut(new TokenCommand(request.required("AccessToken"), RequestContexts.of(ctx)));
        return Map.of();
    }

    /** Ends the session of one refresh token; a client with a secret names it as ClientSecret. */
    Map<String, Object> revokeToken(CognitoRequest request, Context ctx) {
        String token = request.required("Token");
        AppClient client = pool.requireClient(request);
        LocalPool.requireClientSecret(client, request.optional("ClientSecret"));
        authentication.revokeToken(new TokenCommand(token, RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> forgotPassword(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String username = request.required("Username");
        LocalPool.requireSecretHash(client, request.optional("SecretHash"), username);
        CodeDelivery d = authentication.forgotPassword(new EmailCommand(username, RequestContexts.of(ctx)));
        return ordered("CodeDeliveryDetails", delivery(d));
    }

    Map<String, Object> confirmForgotPassword(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String username = request.required("Username");
        String code = request.required("ConfirmationCode");
        String password = request.required("Password");
        LocalPool.requireSecretHash(client, request.optional("SecretHash"), username);
        authentication.resetPassword(new ResetPasswordCommand(username, code, password, RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> changePassword(CognitoRequest request, Context ctx) {
        authentication.changePassword(new ChangePasswordCommand(request.required("AccessToken"),
                request.required("PreviousPassword"), request.required("ProposedPassword"), RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> deleteUser(CognitoRequest request, Context ctx) {
        authentication.deleteAccount(new TokenCommand(request.required("AccessToken"), RequestContexts.of(ctx)));
        return Map.of();
    }
}
