package dev.userpool.app.http.oauth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The managed login's two cookies, both {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, and
 * {@code Secure} when the public base URL is https: the session ({@value #SESSION}), and the form key
 * ({@value #FORM_KEY}) that CSRF tokens are derived from. A form carries {@link #csrfToken} of the form
 * key in a hidden field; another site can neither read the cookie nor compute the token, so a form it
 * posts is refused.
 */
final class BrowserCookies {
    static final String SESSION = "userpool_session";
    static final String FORM_KEY = "userpool_form";
    static final String CSRF_FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secure;

    BrowserCookies(boolean secure) {
        this.secure = secure;
    }

    Optional<String> session(Context ctx) {
        return Optional.ofNullable(ctx.cookie(SESSION)).filter(v -> !v.isBlank());
    }

    void setSession(Context ctx, String value, Duration lifetime) {
        set(ctx, SESSION, value, lifetime.toSeconds());
    }

    void clearSession(Context ctx) {
        set(ctx, SESSION, "", 0);
    }

    /** The CSRF token of this browser's form key, made (and set) on first need. */
    String csrfToken(Context ctx) {
        String key = ctx.cookie(FORM_KEY);
        if (key == null || key.isBlank()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            set(ctx, FORM_KEY, key, -1);
        }
        return tokenOf(key);
    }

    /** Whether the posted form's CSRF token is this browser's form key's (constant-time). */
    boolean csrfValid(Context ctx) {
        String key = ctx.cookie(FORM_KEY);
        String sent = ctx.formParam(CSRF_FIELD);
        if (key == null || key.isBlank() || sent == null) return false;
        return MessageDigest.isEqual(tokenOf(key).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static String tokenOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("csrf:" + key).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code maxAge} seconds; -1 for a cookie that ends with the browser, 0 to delete one. */
    private void set(Context ctx, String name, String value, long maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) cookie.append("; Max-Age=").append(maxAge);
        if (secure) cookie.append("; Secure");
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }
}
