package dev.userpool.app.http.oauth;

import dev.userpool.app.http.pages.ManagedLoginTemplates;
import io.javalin.http.Context;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a managed login page with every value its templates name (strict: none may be missing), and
 * the Content-Security-Policy it needs: the app's, except that its forms may lead to the client's
 * callback origin, since a sign-in's answer is a redirect there and browsers hold form redirects to
 * {@code form-action}.
 */
final class PageView {
    private final ManagedLoginTemplates templates;
    private final Map<String, Object> values = new HashMap<>();
    private Optional<String> callbackOrigin = Optional.empty();
    /** Issue 14: the MFA set-up page's QR code is an inline {@code data:} image; the passkey page runs this server's script. */
    private boolean dataImages;
    private boolean ownScript;

    PageView(ManagedLoginTemplates templates) {
        this.templates = templates;
        values.put("client", "an application");
        values.put("query", "");
        values.put("csrf", "");
        values.put("email", "");
        values.put("session", "");
        values.put("errors", List.of());
        values.put("notices", List.of());
        values.put("errorCode", "");
        values.put("description", "");
        // issue 14: the login page's passwordless choices, and the set-up, code and passkey pages' values
        values.put("emailCode", false);
        values.put("passkey", false);
        values.put("secret", "");
        values.put("qrCode", "");
        values.put("wrong", 0);
        values.put("options", "");
    }

    PageView set(String name, Object value) {
        values.put(name, value);
        return this;
    }

    PageView error(String message) {
        return set("errors", List.of(message));
    }

    PageView notice(String message) {
        return set("notices", List.of(message));
    }

    /** The client's redirect URI (proven one of its callback URLs), whose origin the forms may lead to. */
    PageView callback(String redirectUri) {
        try {
            URI uri = URI.create(redirectUri);
            if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                callbackOrigin = Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        } catch (IllegalArgumentException ignored) {
            // not a URI a browser could follow: the forms stay limited to this server
        }
        return this;
    }

    /** This page shows an inline {@code data:} image (the QR code of a secret, made for this answer only). */
    PageView allowDataImages() {
        dataImages = true;
        return this;
    }

    /** This page runs this server's own script files (never inline script). */
    PageView allowOwnScript() {
        ownScript = true;
        return this;
    }

    void render(Context ctx, int status, String template) {
        ctx.header("Content-Security-Policy", String.join("; ", "default-src 'none'", "style-src 'self'",
                "img-src 'self'" + (dataImages ? " data:" : ""), "script-src " + (ownScript ? "'self'" : "'none'"),
                "base-uri 'none'", "form-action 'self'" + callbackOrigin.map(o -> " " + o).orElse(""), "frame-ancestors 'none'"));
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(templates.render(template, values));
    }
}
