package dev.userpool.app.http.oauth;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.app.http.pages.ManagedLoginTemplates;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.port.in.AuthorizationServer;
import dev.userpool.core.port.in.AuthorizationServer.LogoutTarget;
import dev.userpool.core.port.in.ManagedLogin;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /logout}, as a Cognito domain's: with {@code client_id} and a {@code logout_uri} that is
 * exactly one of the client's sign-out URLs, or with {@code redirect_uri} and {@code response_type} to
 * sign in again. A valid request ends the browser session and its cookie; a bad one is an error page
 * that ends nothing and redirects nowhere.
 */
final class LogoutEndpoint {
    private final AuthorizationServer server;
    private final ManagedLogin login;
    private final BrowserCookies cookies;
    private final ManagedLoginTemplates templates;

    LogoutEndpoint(AuthorizationServer server, ManagedLogin login, BrowserCookies cookies, ManagedLoginTemplates templates) {
        this.server = server;
        this.login = login;
        this.cookies = cookies;
        this.templates = templates;
    }

    void install(Javalin app) {
        app.get("/logout", this::logout);
    }

    private void logout(Context ctx) {
        LogoutTarget target;
        try {
            target = server.logout(new AuthorizationServer.LogoutCommand(AuthorizeParameters.param(ctx, "client_id"),
                    AuthorizeParameters.param(ctx, "logout_uri"), AuthorizeParameters.param(ctx, "redirect_uri"),
                    AuthorizeParameters.param(ctx, "response_type"), AuthorizeParameters.param(ctx, "scope"),
                    AuthorizeParameters.param(ctx, "state"), RequestContexts.of(ctx)));
        } catch (OAuthException e) {
            new PageView(templates).set("errorCode", e.error().wireName()).set("description", e.description()).render(ctx, 400, "error");
            return;
        } catch (IllegalArgumentException tooLong) {
            new PageView(templates).set("errorCode", "invalid_request").set("description", tooLong.getMessage()).render(ctx, 400, "error");
            return;
        }
        cookies.session(ctx).ifPresent(cookie -> login.signOut(cookie, RequestContexts.of(ctx)));
        cookies.clearSession(ctx);
        if (target instanceof LogoutTarget.SignedOut out) {
            ctx.redirect(out.logoutUri(), HttpStatus.FOUND);
        } else if (target instanceof LogoutTarget.SignInAgain again) {
            ctx.redirect("/oauth2/authorize?" + AuthorizeParameters.query(again.authorize()), HttpStatus.FOUND);
        }
    }
}
