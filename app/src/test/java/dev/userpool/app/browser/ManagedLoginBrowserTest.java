package dev.userpool.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.BrowserOnApp;
import dev.userpool.app.testing.HeadlessBrowser;
import dev.userpool.core.domain.AppClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A relying party of its own (a JDK HTTP server on loopback) sends headless Chromium to the pool's
 * {@code /oauth2/authorize}; on the managed login pages the visitor signs up, confirms with the code from
 * the development mailbox, signs in, and lands back at the relying party, which exchanges the code for
 * tokens and greets them by their address; then signs out through {@code /logout}, and the next visit
 * asks for the password again.
 */
class ManagedLoginBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserOnApp session;
    private HeadlessBrowser browser;
    private RelyingParty rp;

    @BeforeEach
    void start() throws IOException {
        session = BrowserOnApp.start(Map.of(), "/", Path.of("target", "screenshots"));
        browser = session.browser();
        rp = new RelyingParty(session.app().baseUrl());
        session.app().component().appClients().create(rp.client());
    }

    @AfterEach
    void stop() {
        if (rp != null) rp.close();
        if (session != null) session.close();
    }

    @Test
    void aVisitorSignsUpConfirmsSignsInAndOut() throws Exception {
        String email = "managed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        browser.driver().get(rp.url("/"));
        browser.waiting().until(ExpectedConditions.urlContains("/login?"));
        browser.shot("managed-login");
        browser.click("signup-link");
        browser.type("username", email);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("signup-submit");

        browser.field("confirm-form");
        assertThat(browser.driver().findElement(By.id("notice")).getText()).startsWith("We sent a code to ");
        browser.type("code", new ApiClient(session.app().baseUrl()).latestCode(email));
        browser.click("confirm-submit");

        browser.field("signin-form");
        assertThat(browser.driver().findElement(By.id("notice")).getText()).isEqualTo("Your account is confirmed. Sign in.");
        assertThat(browser.field("username").getDomProperty("value")).isEqualTo(email);
        browser.type("password", ApiClient.PASSWORD);
        browser.click("signin-submit");

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), email));
        browser.shot("relying-party-signed-in");
        assertThat(browser.policyViolations()).isEmpty();

        browser.click("logout");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        browser.driver().get(rp.url("/"));
        browser.waiting().until(ExpectedConditions.urlContains("/login?"));
        browser.field("signin-form");
    }

    /** The relying party: code + PKCE, its state and verifier kept per visit, the code exchanged on the back channel. */
    static final class RelyingParty implements AutoCloseable {
        private final HttpServer server;
        private final URI pool;
        private final String clientId = "rp-" + UUID.randomUUID().toString().substring(0, 8);
        private final Map<String, String> verifiers = new HashMap<>();   // by state
        private final HttpClient http = HttpClient.newHttpClient();

        RelyingParty(URI pool) throws IOException {
            this.pool = pool;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        AppClient client() {
            return new AppClient(clientId, "The relying party", Optional.empty(), Set.of("code"), Set.of("openid", "email"),
                    List.of(url("/callback")), List.of(url("/signed-out")), Set.of(), Duration.ofHours(1), Duration.ofHours(1),
                    Duration.ofDays(30));
        }

        private void handle(HttpExchange exchange) throws IOException {
            try {
                String path = exchange.getRequestURI().getPath();
                switch (path) {
                    case "/" -> redirect(exchange, signIn());
                    case "/callback" -> page(exchange, callback(query(exchange.getRequestURI().getRawQuery())));
                    case "/signed-out" -> page(exchange, "<p id=\"signed-out\">Signed out.</p>");
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            } catch (Exception e) {
                byte[] body = ("relying party failed: " + e).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
            } finally {
                exchange.close();
            }
        }

        private String signIn() throws Exception {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String state = UUID.randomUUID().toString();
            synchronized (verifiers) {
                verifiers.put(state, verifier);
            }
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            return pool + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + enc(url("/callback"))
                    + "&scope=" + enc("openid email") + "&state=" + state + "&nonce=" + UUID.randomUUID()
                    + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        }

        private String callback(Map<String, String> answer) throws Exception {
            String verifier;
            synchronized (verifiers) {
                verifier = verifiers.remove(answer.get("state"));
            }
            if (verifier == null) return "<p id=\"error\">Unknown state.</p>";
            HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(pool.resolve("/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + clientId
                            + "&code=" + enc(answer.get("code")) + "&redirect_uri=" + enc(url("/callback")) + "&code_verifier=" + verifier))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (tokens.statusCode() != 200) return "<p id=\"error\">" + tokens.body() + "</p>";
            String idToken = JSON.readTree(tokens.body()).path("id_token").asText();
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
            return "<p id=\"signed-in\">Signed in as " + claims.path("email").asText() + "</p>"
                    + "<a id=\"logout\" href=\"" + pool + "/logout?client_id=" + clientId + "&amp;logout_uri="
                    + enc(url("/signed-out")) + "\">Sign out</a>";
        }

        private static void redirect(HttpExchange exchange, String location) throws IOException {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        }

        private static void page(HttpExchange exchange, String html) throws IOException {
            byte[] body = ("<!doctype html><html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> map = new HashMap<>();
            if (raw == null) return map;
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return map;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
