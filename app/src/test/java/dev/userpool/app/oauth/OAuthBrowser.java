package dev.userpool.app.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser by HTTP for the OAuth endpoints' tests: it keeps cookies, follows no redirect (the tests read
 * each {@code Location}), and fills the managed login's forms with their hidden CSRF field. Also a
 * relying party's back channel: the token endpoint by form post.
 */
final class OAuthBrowser {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
    private static final Pattern SESSION = Pattern.compile("name=\"session\" value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    OAuthBrowser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        headers.forEach(b::header);
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query of an authorization request. */
    static String query(Map<String, String> params) {
        return form(params);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Signs in on the login page an authorization request led to; answers the last response (a redirect to the client). */
    HttpResponse<String> signIn(String authorizeQuery, String email, String password) {
        HttpResponse<String> toLogin = get("/oauth2/authorize?" + authorizeQuery);
        if (toLogin.statusCode() != 302) throw new AssertionError("authorize answered " + toLogin.statusCode() + ": " + toLogin.body());
        String loginUrl = location(toLogin);
        HttpResponse<String> page = get(loginUrl);
        if (page.statusCode() != 200) throw new AssertionError("login page answered " + page.statusCode() + ": " + page.body());
        return post(loginUrl, Map.of("_csrf", csrf(page.body()), "username", email, "password", password), Map.of());
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF field in " + html);
        return m.group(1);
    }

    static Optional<String> session(String html) {
        Matcher m = SESSION.matcher(html);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The authorization request a page's form posts with: the parameters of its {@code action="PATH?…"} (issue 14's pages). */
    static Map<String, String> actionParameters(String html, String path) {
        Matcher m = Pattern.compile("action=\"" + Pattern.quote(path) + "\\?([^\"]*)\"").matcher(html);
        if (!m.find()) throw new AssertionError("no form posting to " + path + " in " + html);
        String query = m.group(1).replace("&#x3D;", "=").replace("&amp;", "&");
        return parameters("http://form.invalid/?" + query, false);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + response.statusCode()));
    }

    /** The parameters of a redirect's query (or fragment). */
    static Map<String, String> parameters(String location, boolean fragment) {
        URI uri = URI.create(location);
        String raw = fragment ? uri.getRawFragment() : uri.getRawQuery();
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) return map;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** A JWT's claims, unverified (the tests check what the pool wrote). */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** PKCE S256 of a verifier. */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
