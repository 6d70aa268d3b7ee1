package dev.userpool.app.oauth;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AppClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The app clients and users the OAuth tests share, made through the app's own directory and REST API. */
final class OAuthFixture {
    static final String CALLBACK = "https://rp.example/callback";
    static final String SIGNED_OUT = "https://rp.example/signed-out";
    static final String SECRET = "s3cr3t-of-the-confidential-client-0123456789";
    static final String VERIFIER = "verifier-" + "x".repeat(50);

    final RunningApp app;
    final ApiClient api;
    /** A public client: the code flow with PKCE, the OpenID scopes. */
    final AppClient publicClient;
    /** A confidential client: code and client_credentials, a custom scope. */
    final AppClient confidentialClient;

    OAuthFixture(RunningApp app) {
        this.app = app;
        this.api = new ApiClient(app.baseUrl());
        this.publicClient = app.component().appClients().create(new AppClient("public-" + id(), "Public RP", Optional.empty(),
                Set.of("code"), Set.of("openid", "email", "profile", "aws.cognito.signin.user.admin"), List.of(CALLBACK),
                List.of(SIGNED_OUT), Set.of(), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30)));
        this.confidentialClient = app.component().appClients().create(new AppClient("confidential-" + id(), "Confidential RP",
                Optional.of(SECRET), Set.of("code", "client_credentials"), Set.of("openid", "email", "orders/read", "orders/write"),
                List.of(CALLBACK), List.of(SIGNED_OUT), Set.of(), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30)));
    }

    static String id() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A confirmed user with {@link ApiClient#PASSWORD}. */
    String user() {
        String email = "oauth-" + id() + "@example.com";
        api.register(email);
        return email;
    }

    static Map<String, String> authorize(AppClient client, String... more) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", client.clientId());
        p.put("redirect_uri", CALLBACK);
        p.put("scope", "openid email");
        p.put("state", "state-" + id());
        p.put("nonce", "nonce-" + id());
        p.put("code_challenge", OAuthBrowser.challenge(VERIFIER));
        p.put("code_challenge_method", "S256");
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] == null) p.remove(more[i]);
            else p.put(more[i], more[i + 1]);
        }
        return p;
    }

    /** Signs {@code email} in through the login page and answers the code the client got. */
    String code(OAuthBrowser browser, Map<String, String> authorize, String email) {
        HttpResponse<String> back = browser.signIn(OAuthBrowser.query(authorize), email, ApiClient.PASSWORD);
        if (back.statusCode() != 302) throw new AssertionError("sign-in answered " + back.statusCode() + ": " + back.body());
        String code = OAuthBrowser.parameters(OAuthBrowser.location(back), false).get("code");
        if (code == null) throw new AssertionError("no code in " + OAuthBrowser.location(back));
        return code;
    }

    HttpResponse<String> exchange(OAuthBrowser browser, AppClient client, String code, String... more) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", client.clientId());
        form.put("code", code);
        form.put("redirect_uri", CALLBACK);
        form.put("code_verifier", VERIFIER);
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] == null) form.remove(more[i]);
            else form.put(more[i], more[i + 1]);
        }
        Map<String, String> headers = client.secret().isPresent() && !form.containsKey("client_secret") && !form.containsKey("no_basic")
                ? Map.of("Authorization", OAuthBrowser.basic(client.clientId(), client.secret().get())) : Map.of();
        form.remove("no_basic");
        return browser.post("/oauth2/token", form, headers);
    }
}
