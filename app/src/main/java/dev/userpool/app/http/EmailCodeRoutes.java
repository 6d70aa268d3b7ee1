package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.ChoiceBasedSignIn.CodeAnswer;
import dev.userpool.core.port.in.ChoiceBasedSignIn.EmailOtpChallenge;
import dev.userpool.core.port.in.ChoiceBasedSignIn.Start;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Signing in with a code emailed to the account's verified address (issue 14, Cognito's {@code EMAIL_OTP}):
 * {@code POST /api/signin/email-code} with {@code {"email"}} answers {@code {"challenge": "EMAIL_OTP",
 * "session", "destination"}} for every address alike (a code goes only to an account's verified address),
 * and {@code POST /api/signin/email-code/verify} with {@code {"email", "session", "code"}} answers the
 * tokens. Errors are the core's, as {@code application/problem+json}: a wrong code 400
 * {@code CodeMismatch}, a dead, used or foreign session 401, too many codes 429 {@code LimitExceeded}.
 */
final class EmailCodeRoutes {
    private final ChoiceBasedSignIn signIn;
    private final ObjectMapper json;

    EmailCodeRoutes(ChoiceBasedSignIn signIn, ObjectMapper json) {
        this.signIn = signIn;
        this.json = json;
    }

    void install(Javalin app) {
        // a code written and queued for a real account must not show in the time (EvenTiming, as forgot-password)
        app.post("/api/signin/email-code", EvenTiming.atLeastFloor(this::sendCode));
        app.post("/api/signin/email-code/verify", this::verify);
    }

    private void sendCode(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        EmailOtpChallenge challenge = (EmailOtpChallenge) signIn.start(new Start(body.required("email"),
                Optional.of(ChoiceBasedSignIn.EMAIL_OTP), Optional.empty(), Optional.empty(), RequestContexts.of(ctx)));
        ctx.json(Json.ordered("challenge", ChoiceBasedSignIn.EMAIL_OTP, "session", challenge.session(),
                "destination", challenge.delivery().destination()));
    }

    private void verify(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        Tokens tokens = signIn.answerEmailCode(new CodeAnswer(body.required("email"), body.required("session"),
                body.required("code"), RequestContexts.of(ctx)));
        ctx.json(Json.tokens(tokens));
    }
}
