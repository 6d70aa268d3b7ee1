package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import dev.userpool.core.port.in.Registration.LinkCompletion;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.port.in.Registration.SignUpResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Sign-up and confirmation: {@code /api/signup}, {@code /api/confirm}, {@code /api/resend-code}, {@code /api/verify-link…}. */
final class RegistrationRoutes {
    private final Registration registration;
    private final LocalEndpoints local;
    private final ObjectMapper json;

    RegistrationRoutes(Registration registration, LocalEndpoints local, ObjectMapper json) {
        this.registration = registration;
        this.local = local;
        this.json = json;
    }

    void install(Javalin app) {
        app.post("/api/signup", this::signUp);
        app.post("/api/confirm", EvenTiming.atLeastFloor(this::confirm));
        app.post("/api/resend-code", EvenTiming.atLeastFloor(this::resendCode));
        app.post("/api/verify-link", EvenTiming.atLeastFloor(this::sendLink));
        app.post("/api/verify-link/complete", this::completeLink);
        app.get("/api/verify-link/callback", this::linkCallback);
    }

    private void signUp(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        SignUpResult result = registration.signUp(new SignUpCommand(body.required("email"), body.required("password"),
                body.strings("attributes"), RequestContexts.of(ctx)));
        ctx.status(201).json(Json.ordered("userId", result.user().id().value(), "status", result.user().status().name(),
                "emailVerified", result.user().emailVerified(), "codeDelivery", Json.delivery(result.codeDelivery()),
                "confirmWith", result.confirmWith().name()));
    }

    private void confirm(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        User user = registration.confirm(new ConfirmCommand(body.required("email"), body.required("code"),
                RequestContexts.of(ctx)));
        ctx.json(Json.ordered("status", user.status().name(), "emailVerified", user.emailVerified()));
    }

    private void resendCode(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        CodeDelivery delivery = registration.resendCode(new EmailCommand(body.required("email"), RequestContexts.of(ctx)));
        ctx.json(Map.of("codeDelivery", Json.delivery(delivery)));
    }

    private void sendLink(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        CodeDelivery delivery = registration.sendVerificationLink(
                new EmailCommand(body.required("email"), RequestContexts.of(ctx)));
        ctx.status(202).json(Map.of("codeDelivery", Json.delivery(delivery)));
    }

    private void completeLink(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        LinkCompletion done = registration.completeLinkVerification(
                new EmailCommand(body.required("email"), RequestContexts.of(ctx)));
        ctx.json(Json.ordered("verification", done.verification().name(),
                "status", done.user().map(u -> u.status().name()).orElse(null),
                "emailVerified", done.user().map(User::emailVerified).orElse(false)));
    }

    /** The link in a verification email lands here; the page it redirects to finishes the confirmation. */
    private void linkCallback(Context ctx) {
        LocalEndpoints.LinkCallback callback = local.linkCallback().orElseThrow(() -> new HttpProblem(404,
                ErrorCode.INVALID_PARAMETER, "Verification links are handled by the email service in this setup."));
        Optional<String> token = Optional.ofNullable(ctx.queryParam("token")).filter(t -> !t.isBlank());
        String target = token.flatMap(callback::complete)
                .map(email -> "/verified.html?email=" + URLEncoder.encode(email.value(), StandardCharsets.UTF_8))
                .orElse("/verified.html?failed=1");
        ctx.redirect(target);
    }
}
