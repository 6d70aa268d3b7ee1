package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.delivery;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.port.in.Registration.SignUpResult;
import io.javalin.http.Context;
import java.util.Map;

/** SignUp, ConfirmSignUp and ResendConfirmationCode, through the Registration use cases. */
final class SignUpOperations {
    private final Registration registration;
    private final LocalPool pool;

    SignUpOperations(Registration registration, LocalPool pool) {
        this.registration = registration;
        this.pool = pool;
    }

    /**
     * The pool's usernames are email addresses (Cognito: UsernameAttributes = email), so Username must
     * be one; an {@code email} attribute, if given, must be the same address. The other UserAttributes
     * are the pool's schema's to accept (the core checks them).
     */
    Map<String, Object> signUp(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String username = request.required("Username");
        String password = request.required("Password");
        LocalPool.requireSecretHash(client, request.optional("SecretHash"), username);
        if (!username.contains("@")) throw CognitoError.invalidParameter("Username should be an email.");
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        for (CognitoRequest.Attribute a : request.attributes("UserAttributes")) attributes.put(a.name(), a.value());
        SignUpResult result = registration.signUp(new SignUpCommand(username, password, attributes, RequestContexts.of(ctx)));
        return ordered("UserConfirmed", false, "CodeDeliveryDetails", delivery(result.codeDelivery()),
                "UserSub", result.user().id().value());
    }

    Map<String, Object> confirmSignUp(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String username = request.required("Username");
        String code = request.required("ConfirmationCode");
        LocalPool.requireSecretHash(client, request.optional("SecretHash"), username);
        registration.confirm(new ConfirmCommand(username, code, RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> resendConfirmationCode(CognitoRequest request, Context ctx) {
        AppClient client = pool.requireClient(request);
        String username = request.required("Username");
        LocalPool.requireSecretHash(client, request.optional("SecretHash"), username);
        CodeDelivery d = registration.resendCode(new EmailCommand(username, RequestContexts.of(ctx)));
        return ordered("CodeDeliveryDetails", delivery(d));
    }
}
