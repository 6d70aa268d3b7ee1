package dev.userpool.app.http;

import io.javalin.http.Context;

/**
 * The headers every answer carries. The pages load only this server's own scripts, styles and images
 * and call only its API (the {@code /wildrydes/} pages too: their Cognito endpoint is this origin), and
 * hold no inline script or style, so the policy allows exactly that: nothing by default, no plugins,
 * no {@code <base>}, forms only to this server, and no framing by anyone ({@code frame-ancestors},
 * plus {@code X-Frame-Options} for browsers that predate it) — the admin and mailbox pages above all,
 * whose buttons must not be clicked through a transparent frame. JSON answers carry the same headers:
 * harmless there, and nothing can be forgotten.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
