package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.MfaSettings.SoftwareTokenPreference;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.in.MultiFactor.Holder;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticator apps over REST (issue 14, TOTP MFA). The holder, with a Bearer access token:
 * {@code GET /api/me/mfa} (the settings), {@code POST /api/me/mfa/totp} (a new secret, as text, as an
 * {@code otpauth://} URI and as a QR code image), {@code POST /api/me/mfa/totp/verify} {@code {"code"}},
 * {@code PUT /api/me/mfa} {@code {"enabled", "preferred"}}. A sign-in that asks a code answers
 * {@code {"challenge": "SOFTWARE_TOKEN_MFA" | "MFA_SETUP", "session", "email"}}; {@code POST /api/signin/mfa}
 * {@code {"email", "session", "code"}} answers it (for MFA_SETUP: {@code "challenge": "MFA_SETUP"} and no code,
 * once {@code POST /api/signin/mfa-setup/totp} {@code {"session"}} and {@code …/totp/verify}
 * {@code {"session", "code"}} set the app up). An administrator: {@code GET} and {@code DELETE}
 * {@code /api/admin/users/{email}/mfa}.
 */
final class MfaRoutes {
    private final MultiFactor multiFactor;
    private final Authentication authentication;
    private final Administration administration;
    private final String issuer;
    private final ObjectMapper json;

    /** @param issuer the name authenticator apps show the account under */
    MfaRoutes(MultiFactor multiFactor, Authentication authentication, Administration administration, String issuer, ObjectMapper json) {
        this.multiFactor = multiFactor;
        this.authentication = authentication;
        this.administration = administration;
        this.issuer = issuer;
        this.json = json;
    }

    void install(Javalin app) {
        app.get("/api/me/mfa", ctx -> ctx.json(settings(multiFactor.settings(Bearer.token(ctx)))));
        app.put("/api/me/mfa", this::setPreference);
        app.post("/api/me/mfa/totp", ctx -> {
            String token = Bearer.token(ctx);
            associate(ctx, new Holder.ByAccessToken(token), authentication.currentUser(token).email().value());
        });
        app.post("/api/me/mfa/totp/verify", ctx -> verify(ctx, new Holder.ByAccessToken(Bearer.token(ctx)), JsonBody.of(ctx, json)));
        app.post("/api/signin/mfa", this::answer);
        app.post("/api/signin/mfa-setup/totp", ctx -> {
            JsonBody body = JsonBody.of(ctx, json);
            associate(ctx, new Holder.BySetupSession(body.required("session")), body.optional("email").orElse("account"));
        });
        app.post("/api/signin/mfa-setup/totp/verify", ctx -> {
            JsonBody body = JsonBody.of(ctx, json);
            verify(ctx, new Holder.BySetupSession(body.required("session")), body);
        });
        app.get("/api/admin/users/{email}/mfa", ctx -> AdminRequests.asAdmin(administration, ctx, admin -> {
            ctx.json(settings(multiFactor.adminSettings(ctx.pathParam("email"))));
            return null;
        }));
        app.delete("/api/admin/users/{email}/mfa", ctx -> AdminRequests.asAdmin(administration, ctx, admin -> {
            multiFactor.adminRemove(ctx.pathParam("email"), admin.actor(), RequestContexts.of(ctx));
            ctx.status(204);
            return null;
        }));
    }

    /** What {@code POST /api/signin} answers when a second factor must follow. */
    static Map<String, Object> challenge(MfaRequired c) {
        return Json.ordered("challenge", c.kind().name(), "session", c.session(), "email", c.user().email().value());
    }

    /** A new secret; the account name apps show beside the issuer is the holder's address (a setup session's: the one the page sends). */
    private void associate(Context ctx, Holder holder, String account) {
        MultiFactor.Association a = multiFactor.associate(holder, RequestContexts.of(ctx));
        Map<String, Object> answer = shown(a.secret(), account);
        a.session().ifPresent(s -> answer.put("session", s));
        ctx.header("Cache-Control", "no-store").json(answer);
    }

    private Map<String, Object> shown(SoftwareTokenSecret secret, String account) {
        String uri = secret.otpauthUri(issuer, account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("secret", secret.base32());
        answer.put("otpauthUri", uri);
        answer.put("qrCode", QrCodes.pngDataUri(uri));
        return answer;
    }

    private void verify(Context ctx, Holder holder, JsonBody body) {
        Optional<String> session = multiFactor.verify(holder, body.required("code"), body.optional("friendlyDeviceName"),
                RequestContexts.of(ctx));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "SUCCESS");
        session.ifPresent(s -> answer.put("session", s));
        ctx.json(answer);
    }

    private void setPreference(Context ctx) {
        String token = Bearer.token(ctx);
        JsonBody body = JsonBody.of(ctx, json);
        boolean enabled = body.flag("enabled", false);
        boolean preferred = body.flag("preferred", false);
        ctx.json(settings(multiFactor.setPreference(token, new SoftwareTokenPreference(enabled, preferred), RequestContexts.of(ctx))));
    }

    private void answer(Context ctx) {
        JsonBody body = JsonBody.of(ctx, json);
        String challenge = body.optional("challenge").orElse(MfaRequired.Kind.SOFTWARE_TOKEN_MFA.name());
        Tokens tokens = multiFactor.answerChallenge(new MultiFactor.ChallengeCommand(challenge, body.required("email"),
                body.required("session"), body.optional("code"), RequestContexts.of(ctx)));
        ctx.json(Json.tokens(tokens));
    }

    private static Map<String, Object> settings(MfaSettings s) {
        return Json.ordered("softwareTokenVerified", s.softwareTokenVerified(), "softwareTokenEnabled", s.softwareTokenEnabled(),
                "preferred", s.preferred().orElse(null), "enabledFactors", s.enabledFactors());
    }
}
