package dev.userpool.app.http.oauth;

import static dev.userpool.app.http.oauth.ManagedLoginPages.field;

import dev.userpool.app.http.EvenTiming;
import dev.userpool.app.http.QrCodes;
import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.SoftwareTokenSecret;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AuthorizationServer.AuthorizationRequest;
import dev.userpool.core.port.in.AuthorizationServer.AuthorizeCommand;
import dev.userpool.core.port.in.ChoiceBasedSignIn;
import dev.userpool.core.port.in.ManagedLogin;
import dev.userpool.core.port.in.MultiFactor;
import dev.userpool.core.port.in.PasskeyAuthentication;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The managed login's second factors and passwordless sign-in (issue 14), on pages like the others: each
 * serves the authorization request in its URL (checked again on every request), each form carries the
 * browser's CSRF token, and each sign-in ends as the password's does, with the session cookie and the
 * client's redirect URI.
 *
 * <ul>
 *   <li>{@code MFA_SETUP}: after the right password of an account that must set an authenticator app up,
 *       the app's QR code and secret, and a code field ({@code POST /login/mfaSetup}); a wrong code shows
 *       the same secret again (it stays pending, the challenge's session unspent, for its 3 minutes).</li>
 *   <li>"Email me a code" ({@code POST /login/emailCode}, then {@code /login/emailCode/verify}): every
 *       address gets the same page, at no less than {@link EvenTiming#FLOOR}; after three wrong codes, the
 *       sign-in starts again.</li>
 *   <li>"Sign in with a passkey" ({@code POST /login/passkey}, then {@code /login/passkey/verify}): the
 *       page holds the WebAuthn request options; {@code /managed-login-passkey.js} asks the browser for the
 *       assertion and posts it in the page's form.</li>
 * </ul>
 */
final class FactorPages {
    private final ManagedLoginPages pages;
    private final ManagedLogin login;
    /** The name authenticator apps show the account under: this server's host, as on the app's own pages. */
    private final String issuer;

    FactorPages(ManagedLoginPages pages, ManagedLogin login, String issuer) {
        this.pages = pages;
        this.login = login;
        this.issuer = issuer;
    }

    void install(Javalin app) {
        app.post("/login/mfaSetup", pages.form(this::completeMfaSetup));
        // a code written and mailed, or a passkey looked up, for a real account must not show in the time
        app.post("/login/emailCode", EvenTiming.atLeastFloor(pages.form(this::sendEmailCode)));
        app.post("/login/emailCode/verify", pages.form(this::answerEmailCode));
        app.post("/login/passkey", EvenTiming.atLeastFloor(pages.form(this::startPasskey)));
        app.post("/login/passkey/verify", pages.form(this::answerPasskey));
    }

    // ---- MFA_SETUP ----

    /** The password was right and the account must set an app up first: a new secret for it, on the set-up page. */
    void mfaSetup(Context ctx, AuthorizeCommand command, AuthorizationRequest request, String username, String session) {
        try {
            MultiFactor.Association association = login.beginMfaSetup(session, RequestContexts.of(ctx));
            setupPage(ctx, command, request, username, association.session().orElse(session), association.secret(),
                    Optional.empty(), 200);
        } catch (UserPoolException e) {
            signInAgain(ctx, command, request, username, e.getMessage() + " Sign in again.");
        }
    }

    private void completeMfaSetup(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        String session = field(ctx, "session");
        try {
            pages.signedIn(ctx, command, request, username, login.completeMfaSetup(new ManagedLogin.MfaSetupAnswer(username,
                    session, field(ctx, "code"), RequestContexts.of(ctx))));
        } catch (UserPoolException e) {
            Optional<SoftwareTokenSecret> secret = secretOf(field(ctx, "secret"));
            boolean codeRefused = e.code() == ErrorCode.ENABLE_SOFTWARE_TOKEN_MFA || e.code() == ErrorCode.CODE_MISMATCH
                    || e.code() == ErrorCode.INVALID_PARAMETER;
            if (codeRefused && secret.isPresent() && !session.isBlank()) {
                // the secret stays pending and the session unspent: the same app, another code
                setupPage(ctx, command, request, username, session, secret.get(), Optional.of(e.getMessage()), 400);
                return;
            }
            signInAgain(ctx, command, request, username, e.getMessage() + " Sign in again.");
        }
    }

    /**
     * The set-up page: the secret as a QR code (an inline image, made for this answer and kept nowhere) and as
     * text, and the form that proves it. The form carries the secret back only to show it again after a
     * wrong code; the code is checked against the secret the pool keeps, never this one.
     */
    private void setupPage(Context ctx, AuthorizeCommand command, AuthorizationRequest request, String username,
                           String session, SoftwareTokenSecret secret, Optional<String> error, int status) {
        PageView view = pages.view(ctx, command, request).set("email", username).set("session", session)
                .set("secret", secret.base32()).set("qrCode", QrCodes.pngDataUri(secret.otpauthUri(issuer, username)))
                .allowDataImages();
        error.ifPresent(view::error);
        view.render(ctx, status, "mfa-setup");
    }

    private static Optional<SoftwareTokenSecret> secretOf(String posted) {
        try {
            return Optional.of(new SoftwareTokenSecret(posted));
        } catch (IllegalArgumentException notBase32) {
            return Optional.empty();
        }
    }

    // ---- EMAIL_OTP ----

    private void sendEmailCode(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            ChoiceBasedSignIn.EmailOtpChallenge challenge = login.sendEmailCode(request.client(), username, RequestContexts.of(ctx));
            codePage(ctx, command, request, username, challenge.session(), 0)
                    .notice("We sent a code to " + challenge.delivery().destination() + ". It is valid for 3 minutes.")
                    .render(ctx, 200, "email-code");
        } catch (UserPoolException e) {
            signInAgain(ctx, command, request, username, e.getMessage());
        }
    }

    private void answerEmailCode(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        String session = field(ctx, "session");
        int wrong = wrongSoFar(field(ctx, "wrong"));
        try {
            pages.signedIn(ctx, command, request, username, login.answerEmailCode(request.client(),
                    new ChoiceBasedSignIn.CodeAnswer(username, session, field(ctx, "code"), RequestContexts.of(ctx))));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.CODE_MISMATCH && wrong + 1 >= ChoiceBasedSignIn.WRONG_CODES_PER_SESSION) {
                // the core has spent the code on its third wrong answer: a new one is needed
                signInAgain(ctx, command, request, username, "That code was wrong three times. Ask for a new code.");
            } else if (e.code() == ErrorCode.CODE_MISMATCH || e.code() == ErrorCode.INVALID_PARAMETER) {
                int counted = e.code() == ErrorCode.CODE_MISMATCH ? wrong + 1 : wrong;
                codePage(ctx, command, request, username, session, counted).error(e.getMessage()).render(ctx, 400, "email-code");
            } else {
                signInAgain(ctx, command, request, username, e.getMessage() + " Ask for a new code.");
            }
        }
    }

    /** The code page; {@code wrong} counts the wrong answers shown so far (the core keeps the real count). */
    private PageView codePage(Context ctx, AuthorizeCommand command, AuthorizationRequest request, String username,
                              String session, int wrong) {
        return pages.view(ctx, command, request).set("email", username).set("session", session).set("wrong", wrong);
    }

    private static int wrongSoFar(String posted) {
        try {
            return Math.max(0, Math.min(ChoiceBasedSignIn.WRONG_CODES_PER_SESSION, Integer.parseInt(posted)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---- WEB_AUTHN ----

    private void startPasskey(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            PasskeyAuthentication.PasskeyChallenge challenge = login.startPasskey(request.client(), username, RequestContexts.of(ctx));
            pages.view(ctx, command, request).set("email", username).set("session", challenge.session())
                    .set("options", challenge.requestOptionsJson()).allowOwnScript().render(ctx, 200, "passkey");
        } catch (UserPoolException e) {
            signInAgain(ctx, command, request, username, e.getMessage());
        }
    }

    private void answerPasskey(Context ctx, AuthorizeCommand command, AuthorizationRequest request) {
        String username = field(ctx, "username");
        try {
            pages.signedIn(ctx, command, request, username, login.answerPasskey(request.client(),
                    new ChoiceBasedSignIn.PasskeyAnswer(username, field(ctx, "session"), field(ctx, "credential"),
                            RequestContexts.of(ctx))));
        } catch (UserPoolException e) {
            signInAgain(ctx, command, request, username, e.getMessage());
        }
    }

    /** Back to the start: the login page, with what went wrong. */
    private void signInAgain(Context ctx, AuthorizeCommand command, AuthorizationRequest request, String username, String error) {
        pages.view(ctx, command, request).set("email", username).error(error).render(ctx, 400, "login");
    }
}
