package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.ChangePasswordCommand;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Authentication.TokenCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.SignInResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.TreeSet;

/** Signing in and out, the current user, and passwords. */
final class SessionRoutes {
    private final Authentication authentication;
    private final dev.userpool.core.domain.AttributePolicy attributePolicy;
    private final HttpMetrics metrics;
    private final ObjectMapper json;

    SessionRoutes(Authentication authentication, dev.userpool.core.domain.AttributePolicy attributePolicy,
                  HttpMetrics metrics, ObjectMapper json) {
        this.authentication = authentication;
        this.attributePolicy = attributePolicy;
        this.metrics = metrics;
        this.json = json;
    }

    void install(Javalin app) {
        app.post("/api/signin", this::signIn);
        app.post("/api/refresh", this::refresh);
        app.post("/api/signout", this::signOut);
        app.get("/api/me", this::me);
        app.delete("/api/me", this::deleteMe);
        app.post("/api/change-password", this::changePassword);
        app.post("/api/forgot-password", EvenTiming.atLeastFloor(this::forgotPassword));
        app.post("/api/reset-password", EvenTiming.atLeastFloor(this::resetPassword));
    }

    private void signIn(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        SignInResult result;
        try {
            result = authentication.signInStep(new SignInCommand(body.required("email"), body.required("password"),
                    RequestContexts.of(ctx)));
        } catch (UserPoolException e) {
            metrics.signIn(e.code().code());
            throw e;
        }
        // a temporary password answers the challenge to choose a new one (NewPasswordRoutes)
        if (result instanceof SignInResult.NewPasswordChallenge challenge) {
            metrics.signIn("NewPasswordRequired");
            ctx.json(NewPasswordRoutes.challenge(challenge.challenge()));
            return;
        }
        // a second factor follows (issue 14, TOTP): answered at POST /api/signin/mfa (MfaRoutes)
        if (result instanceof SignInResult.MfaChallenge challenge) {
            metrics.signIn("MfaRequired");
            ctx.json(MfaRoutes.challenge(challenge.challenge()));
            return;
        }
        metrics.signIn("Success");
        ctx.json(Json.tokens(((SignInResult.Completed) result).tokens()));
    }

    private void refresh(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        Tokens tokens = authentication.refresh(new TokenCommand(body.required("refreshToken"), RequestContexts.of(ctx)));
        ctx.json(Json.tokens(tokens));
    }

    private void signOut(Context ctx) {
        authentication.signOut(new TokenCommand(Bearer.token(ctx), RequestContexts.of(ctx)));
        ctx.status(204);
    }

    private void me(Context ctx) {
        CurrentUser me = authentication.currentUser(Bearer.token(ctx));
        ctx.json(Json.ordered("userId", me.userId().value(), "email", me.email().value(),
                "emailVerified", me.emailVerified(), "status", me.status().name(), "groups", new TreeSet<>(me.groups()),
                "attributes", attributePolicy.readableByClient(me.attributes()).values()));
    }

    private void deleteMe(Context ctx) {
        authentication.deleteAccount(new TokenCommand(Bearer.token(ctx), RequestContexts.of(ctx)));
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        String token = Bearer.token(ctx);
        JsonBody body = JsonBody.of(ctx, json);
        authentication.changePassword(new ChangePasswordCommand(token, body.required("oldPassword"),
                body.required("newPassword"), RequestContexts.of(ctx)));
        ctx.status(204);
    }

    private void forgotPassword(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        CodeDelivery delivery = authentication.forgotPassword(new EmailCommand(body.required("email"),
                RequestContexts.of(ctx)));
        ctx.json(Map.of("codeDelivery", Json.delivery(delivery)));
    }

    private void resetPassword(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        authentication.resetPassword(new ResetPasswordCommand(body.required("email"), body.required("code"),
                body.required("newPassword"), RequestContexts.of(ctx)));
        ctx.status(204);
    }
}
