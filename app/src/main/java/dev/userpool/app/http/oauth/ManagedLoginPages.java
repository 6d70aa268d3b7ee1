package dev.userpool.app.http.oauth;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.BrowserSession;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.OAuthException;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.AuthorizationServer;
import dev.userpool.core.port.in.AuthorizationServer.AuthorizationRequest;
import dev.userpool.core.port.in.AuthorizationServer.AuthorizeCommand;
import dev.userpool.core.port.in.ManagedLogin;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.domain.MfaRequired;
import dev.userpool.core.port.in.Registration;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;

/**
 * {@code GET /oauth2/authorize} and the managed login pages it leads to: sign in (and the
 * {@code NEW_PASSWORD_REQUIRED} and authenticator-app code pages; issue 14's set-up of an app, emailed code
 * and passkey are {@link FactorPages}), sign up, confirm with the emailed code, forgot password and
 * reset. Every page serves the authorization request in its URL, checked again on each request; every
 * form post must carry the browser's CSRF token; every refusal of the use cases shows on the form, with
 * the message the use case chose (unknown users answer as wrong passwords).
 */
final class ManagedLoginPages {
    private final AuthorizationServer server;
    private final ManagedLogin login;
    private final Registration registration;
    private final Authentication authentication;
    private final BrowserCookies cookies;
    private final dev.userpool.app.http.pages.ManagedLoginTemplates templates;
    /** Issue 14: MFA_SETUP, the emailed code and the passkey, on pages of their own. */
    private final FactorPages factors;

    ManagedLoginPages(AuthorizationServer server, ManagedLogin login, Registration registration, Authentication authentication,
                      BrowserCookies cookies, dev.userpool.app.http.pages.ManagedLoginTemplates templates, String issuer) {
        this.server = server;
        this.login = login;
        this.registration = registration;
        this.authentication = authentication;
        this.cookies = cookies;
        this.templates = templates;
        this.factors = new FactorPages(this, login, issuer);
    }

    void install(Javalin app) {
        app.get("/oauth2/authorize", guarded(this::authorize));
        app.get("/login", guarded(this::loginPage));
        app.post("/login", form(this::signIn));
        app.post("/login/newPassword", form(this::newPassword));
        app.post("/login/mfa", form(this::mfaCode));
        app.get("/signup", guarded(this::signUpPage));
        app.post("/signup", form(this::signUp));
        app.get("/confirm", guarded(this::confirmPage));
        app.post("/confirm", form(this::confirm));
        app.get("/forgotPassword", guarded(this::forgotPage));
        app.post("/forgotPassword", form(this::forgot));
        app.post("/confirmForgotPassword", form(this::reset));
        factors.install(app);   // issue 14
    }

    /** A page's work on a checked authorization request. */
    interface Page {
        void handle(Context ctx, AuthorizeCommand command, AuthorizationRequest request) throws Exception;
    }

    /** Checks the authorization request first: a bad one is an error page, or goes back to the client when it may. */
    Handler guarded(Page page) {
        return ctx -> {
            AuthorizeCommand command;
            try {
                command = AuthorizeParameters.of(ctx);
            } catch (IllegalArgumentException tooLong) {
                errorPage(ctx, "invalid_request", tooLong.getMessage());
                return;
            }
            AuthorizationRequest request;
            try {
                request = server.check(command);
            } catch (OAuthException e) {
                refuse(ctx, command, e);
                return;
            }
            page.handle(ctx, command, request);
        };
    }

    /** {@link #guarded}, for a form post: without this browser's CSRF token, nothing is done. */
    Handler form(Page page) {
        Handler checked = guarded(page);
        return ctx -> {
            if (!cookies.csrfValid(ctx)) {
                view(ctx, Optional.empty()).set("errorCode", "invalid_request")
                        .set("description", "The form expired or was not sent from this site. Go back, reload the page and try again.")
                        .render(ctx, 403, "error");
                return;
            }
            checked.handle(ctx);
        };
    }

    private void authorize(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        Optional<BrowserSession> session = cookies.session(ctx).flatMap(login::session);
        if (session.isEmpty()) {
            ctx.redirect("/login?" + AuthorizeParameters.query(command), io.javalin.http.HttpStatus.FOUND);
            return;
        }
        answer(ctx, command, request, session.get());
    }

    /** The signed-in browser goes back to the client with a code (or the implicit grant's tokens). */
    private void answer(Context ctx, AuthorizeCommand command, AuthorizationRequest request, BrowserSession session) {
        String state = request.state().orElse(null);
        try {
            if (request.responseType().equals("token")) {
                Tokens tokens = server.issueImplicit(request, session, RequestContexts.of(ctx));
                ctx.redirect(ClientRedirect.inFragment(request.redirectUri(), ClientRedirect.of("access_token", tokens.accessToken(),
                        "id_token", tokens.idToken(), "token_type", Tokens.TOKEN_TYPE, "expires_in",
                        Long.toString(tokens.expiresIn().toSeconds()), "state", state)), io.javalin.http.HttpStatus.FOUND);
                return;
            }
            String code = server.issueCode(request, session, RequestContexts.of(ctx));
            ctx.redirect(ClientRedirect.inQuery(request.redirectUri(), ClientRedirect.of("code", code, "state", state)),
                    io.javalin.http.HttpStatus.FOUND);
        } catch (OAuthException e) {
            // the request was proven: the client hears of the refusal (a user who may no longer sign in)
            cookies.clearSession(ctx);
            ctx.redirect(errorRedirect(request.redirectUri(), request.responseType(), e, request.state()), io.javalin.http.HttpStatus.FOUND);
        }
    }

    private void refuse(Context ctx, AuthorizeCommand command, OAuthException e) {
        if (e.redirectable() && command.redirectUri().isPresent()) {
            ctx.redirect(errorRedirect(command.redirectUri().get(), command.responseType().orElse("code"), e, command.state()),
                    io.javalin.http.HttpStatus.FOUND);
            return;
        }
        errorPage(ctx, e.error().wireName(), e.description());
    }

    private static String errorRedirect(String redirectUri, String responseType, OAuthException e, Optional<String> state) {
        var parameters = ClientRedirect.of("error", e.error().wireName(), "error_description", e.description(),
                "state", state.orElse(null));
        return responseType.equals("token") ? ClientRedirect.inFragment(redirectUri, parameters)
                : ClientRedirect.inQuery(redirectUri, parameters);
    }

    private void errorPage(Context ctx, String error, String description) {
        view(ctx, Optional.empty()).set("errorCode", error).set("description", description).render(ctx, 400, "error");
    }

    private PageView view(Context ctx, Optional<AuthorizationRequest> request) {
        PageView view = new PageView(templates).set("csrf", cookies.csrfToken(ctx));
        request.ifPresent(r -> view.set("client", r.client().name()).callback(r.redirectUri()));
        return view;
    }

    /** A page of this request; the login page's passwordless choices are the client's (issue 14). */
    PageView view(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        var offered = login.passwordlessFactors(request.client());
        return view(ctx, Optional.of(request)).set("query", AuthorizeParameters.query(command))
                .set("emailCode", offered.contains(dev.userpool.core.domain.AuthFactor.EMAIL_OTP))
                .set("passkey", offered.contains(dev.userpool.core.domain.AuthFactor.WEB_AUTHN));
    }

    private void loginPage(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        if (cookies.session(ctx).flatMap(login::session).isPresent()) {
            ctx.redirect("/oauth2/authorize?" + AuthorizeParameters.query(command), io.javalin.http.HttpStatus.FOUND);
            return;
        }
        view(ctx, command, request).render(ctx, 200, "login");
    }

    private void signIn(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            signedIn(ctx, command, request, username, login.signIn(new Authentication.SignInCommand(username, field(ctx, "password"),
                    RequestContexts.of(ctx))));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_CONFIRMED) {
                view(ctx, command, request).set("email", username)
                        .notice("Confirm your account with the code we emailed you first.").render(ctx, 400, "confirm");
                return;
            }
            view(ctx, command, request).set("email", username).error(e.getMessage()).render(ctx, 400, "login");
        }
    }

    private void newPassword(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        String session = field(ctx, "session");
        try {
            signedIn(ctx, command, request, username, login.completeNewPassword(new Authentication.NewPasswordCommand(username,
                    session, field(ctx, "password"), RequestContexts.of(ctx))));
        } catch (UserPoolException e) {
            view(ctx, command, request).set("email", username).set("session", session).error(e.getMessage())
                    .render(ctx, 400, "new-password");
        }
    }

    /** The authenticator app's code, after the right password (SOFTWARE_TOKEN_MFA). */
    private void mfaCode(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        String session = field(ctx, "session");
        try {
            signedIn(ctx, command, request, username, login.answerMfa(new MultiFactor.ChallengeCommand(
                    MfaRequired.Kind.SOFTWARE_TOKEN_MFA.name(), username, session, Optional.of(field(ctx, "code")),
                    RequestContexts.of(ctx))));
        } catch (UserPoolException e) {
            // a wrong code uses the challenge up (as on the Cognito API): the user signs in again
            view(ctx, command, request).set("email", username).error(e.getMessage() + " Sign in again.")
                    .render(ctx, 400, "login");
        }
    }

    /**
     * Where a sign-in on the pages ended: a session (the cookie, then the authorization request again,
     * which now answers with a code), or a challenge's page: a new password, or the authenticator app's code.
     */
    void signedIn(Context ctx, AuthorizeCommand command, AuthorizationRequest request, String username,
                          ManagedLogin.Outcome outcome) {
        if (outcome instanceof ManagedLogin.Outcome.SessionOpened opened) {
            cookies.setSession(ctx, opened.cookie(), ManagedLogin.SESSION_LIFETIME);
            answer(ctx, command, request, opened.session());
        } else if (outcome instanceof ManagedLogin.Outcome.NewPasswordChallenge challenge) {
            view(ctx, command, request).set("email", username).set("session", challenge.challenge().session())
                    .render(ctx, 200, "new-password");
        } else if (outcome instanceof ManagedLogin.Outcome.MfaChallenge challenge
                && challenge.challenge().kind() == MfaRequired.Kind.SOFTWARE_TOKEN_MFA) {
            view(ctx, command, request).set("email", username).set("session", challenge.challenge().session())
                    .render(ctx, 200, "mfa");
        } else if (outcome instanceof ManagedLogin.Outcome.MfaChallenge challenge) {
            // MFA_SETUP (USERPOOL_MFA=on, no app yet): the account sets an app up here, then signs in (issue 14)
            factors.mfaSetup(ctx, command, request, username, challenge.challenge().session());
        }
    }

    private void signUpPage(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        view(ctx, command, request).render(ctx, 200, "signup");
    }

    private void signUp(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            Registration.SignUpResult result = registration.signUp(new Registration.SignUpCommand(username, field(ctx, "password"),
                    RequestContexts.of(ctx)));
            view(ctx, command, request).set("email", username).notice(sentTo(result.codeDelivery())).render(ctx, 200, "confirm");
        } catch (UserPoolException e) {
            view(ctx, command, request).set("email", username).error(e.getMessage()).render(ctx, 400, "signup");
        }
    }

    private void confirmPage(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        view(ctx, command, request).set("email", Optional.ofNullable(ctx.queryParam("username")).orElse("")).render(ctx, 200, "confirm");
    }

    private void confirm(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            registration.confirm(new Registration.ConfirmCommand(username, field(ctx, "code"), RequestContexts.of(ctx)));
            view(ctx, command, request).set("email", username).notice("Your account is confirmed. Sign in.").render(ctx, 200, "login");
        } catch (UserPoolException e) {
            view(ctx, command, request).set("email", username).error(e.getMessage()).render(ctx, 400, "confirm");
        }
    }

    private void forgotPage(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        view(ctx, command, request).render(ctx, 200, "forgot");
    }

    private void forgot(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            CodeDelivery delivery = authentication.forgotPassword(new Registration.EmailCommand(username, RequestContexts.of(ctx)));
            view(ctx, command, request).set("email", username).notice(sentTo(delivery)).render(ctx, 200, "reset");
        } catch (UserPoolException e) {
            view(ctx, command, request).set("email", username).error(e.getMessage()).render(ctx, 400, "forgot");
        }
    }

    private void reset(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            authentication.resetPassword(new Authentication.ResetPasswordCommand(username, field(ctx, "code"),
                    field(ctx, "password"), RequestContexts.of(ctx)));
            view(ctx, command, request).set("email", username).notice("Your password is reset. Sign in with it.").render(ctx, 200, "login");
        } catch (UserPoolException e) {
            view(ctx, command, request).set("email", username).error(e.getMessage()).render(ctx, 400, "reset");
        }
    }

    private static String sentTo(CodeDelivery delivery) {
        return "We sent a code to " + delivery.destination() + ".";
    }

    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
