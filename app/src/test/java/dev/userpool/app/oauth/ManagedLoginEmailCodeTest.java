package dev.userpool.app.oauth;

import static dev.userpool.app.oauth.OAuthFixture.CALLBACK;
import static dev.userpool.app.oauth.OAuthFixture.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.app.http.EvenTiming;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientRules;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Email me a code" on the managed login (issue 14, {@code EMAIL_OTP} through choice-based sign-in): for a
 * client allowed {@code ALLOW_USER_AUTH}, the login page offers it; the mailed 8-digit code goes back to the
 * client with an authorization code for that account. Every address gets the same page; three wrong codes
 * start over; a code signs in once; a form without the CSRF token does nothing.
 */
class ManagedLoginEmailCodeTest {
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\b(\\d{8})\\b");
    private static final Pattern SESSION_VALUE = Pattern.compile("name=\"session\" value=\"[^\"]*\"");
    private static final Pattern CSRF_VALUE = Pattern.compile("name=\"_csrf\" value=\"[^\"]*\"");
    private static RunningApp app;
    private static OAuthFixture fixture;
    /** A public client allowed choice-based sign-in. */
    private static AppClient choiceClient;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of());
        fixture = new OAuthFixture(app);
        choiceClient = app.component().appClients().create(new AppClient("choice-" + OAuthFixture.id(), "Choice RP",
                Optional.empty(), Set.of("code"), Set.of("openid", "email"), List.of(CALLBACK), List.of(OAuthFixture.SIGNED_OUT),
                Set.of(AppClientRules.ALLOW_USER_AUTH), Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30)));
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    /** The login page of an authorization request, after /oauth2/authorize sent the browser there. */
    private static HttpResponse<String> loginPage(OAuthBrowser browser, Map<String, String> request) {
        HttpResponse<String> toLogin = browser.get("/oauth2/authorize?" + OAuthBrowser.query(request));
        assertThat(toLogin.statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get(OAuthBrowser.location(toLogin));
        assertThat(page.statusCode()).isEqualTo(200);
        return page;
    }

    private static HttpResponse<String> askForCode(OAuthBrowser browser, Map<String, String> request, String email) {
        HttpResponse<String> login = loginPage(browser, request);
        return browser.post("/login/emailCode?" + OAuthBrowser.query(request),
                Map.of("_csrf", OAuthBrowser.csrf(login.body()), "username", email), Map.of());
    }

    private static HttpResponse<String> answer(OAuthBrowser browser, Map<String, String> request, String email,
                                               HttpResponse<String> page, String code) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", OAuthBrowser.csrf(page.body()), "username", email,
                "session", OAuthBrowser.session(page.body()).orElseThrow(), "code", code));
        Matcher wrong = Pattern.compile("name=\"wrong\" value=\"(\\d+)\"").matcher(page.body());
        if (wrong.find()) form.put("wrong", wrong.group(1));
        return browser.post("/login/emailCode/verify?" + OAuthBrowser.query(request), form, Map.of());
    }

    private static JsonNode mailbox(String email) {
        return fixture.api.get("/api/dev/mailbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).json().path("messages");
    }

    private static List<String> signInCodes(String email) {
        List<String> codes = new java.util.ArrayList<>();
        for (JsonNode message : mailbox(email)) {
            Matcher m = EIGHT_DIGITS.matcher(message.path("textBody").asText());
            if (message.path("subject").asText().equals("Your sign-in code") && m.find()) codes.add(m.group(1));
        }
        return codes;
    }

    private static String onlyCode(String email) {
        List<String> codes = signInCodes(email);
        assertThat(codes).as("sign-in codes mailed to " + email).hasSize(1);
        return codes.get(0);
    }

    private static String wrong(String right) {
        return right.equals("00000000") ? "11111111" : "00000000";
    }

    @Test
    void theLoginPageOffersTheCodeOnlyToAClientAllowedChoiceBasedSignIn() {
        assertThat(loginPage(new OAuthBrowser(app.baseUrl()), authorize(choiceClient)).body()).contains("id=\"email-code-submit\"")
                .as("passkeys are off on http://127.0.0.1").doesNotContain("passkey-submit");
        assertThat(loginPage(new OAuthBrowser(app.baseUrl()), authorize(fixture.publicClient)).body()).doesNotContain("email-code-submit");

        // posted anyway for a client without ALLOW_USER_AUTH: refused on the login page, no mail
        String email = fixture.user();
        HttpResponse<String> refused = askForCode(new OAuthBrowser(app.baseUrl()), authorize(fixture.publicClient), email);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"signin-form\"", "ALLOW_USER_AUTH").doesNotContain("email-code-form");
        assertThat(signInCodes(email)).isEmpty();
    }

    @Test
    void theMailedCodeSignsInAndTheClientGetsThatAccountsTokens() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(choiceClient);

        HttpResponse<String> page = askForCode(browser, request, email);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"email-code-form\"", "We sent a code to " + email.charAt(0) + "***@e***.com");
        assertThat(OAuthBrowser.actionParameters(page.body(), "/login/emailCode/verify")).as("the authorization request rides along")
                .isEqualTo(request);
        HttpResponse<String> back = answer(browser, request, email, page, onlyCode(email));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        String location = OAuthBrowser.location(back);
        assertThat(location).startsWith(CALLBACK + "?code=");
        Map<String, String> answer = OAuthBrowser.parameters(location, false);
        assertThat(answer.get("state")).isEqualTo(request.get("state"));
        assertThat(back.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("userpool_session="));
        HttpResponse<String> tokens = fixture.exchange(browser, choiceClient, answer.get("code"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode id = OAuthBrowser.claims(OAuthBrowser.json(tokens).path("id_token").asText());
        assertThat(id.path("email").asText()).isEqualTo(email);
        assertThat(id.path("aud").asText()).isEqualTo(choiceClient.clientId());
        assertThat(id.path("nonce").asText()).isEqualTo(request.get("nonce"));
    }

    @Test
    void aCodeSignsInOnce() {
        String email = fixture.user();
        Map<String, String> request = authorize(choiceClient);
        OAuthBrowser first = new OAuthBrowser(app.baseUrl());
        HttpResponse<String> page = askForCode(first, request, email);
        String code = onlyCode(email);
        assertThat(answer(first, request, email, page, code).statusCode()).isEqualTo(302);

        // the same page's form, replayed from another browser
        OAuthBrowser second = new OAuthBrowser(app.baseUrl());
        HttpResponse<String> login = loginPage(second, request);
        Map<String, String> form = Map.of("_csrf", OAuthBrowser.csrf(login.body()), "username", email,
                "session", OAuthBrowser.session(page.body()).orElseThrow(), "code", code);
        HttpResponse<String> replayed = second.post("/login/emailCode/verify?" + OAuthBrowser.query(request), form, Map.of());

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("id=\"signin-form\"");
        assertThat(replayed.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
    }

    @Test
    void anUnknownAddressGetsTheSamePageAndNoMail() {
        String known = fixture.user();
        String unknown = "nobody-" + OAuthFixture.id() + "@example.com";
        Map<String, String> request = authorize(choiceClient);

        long started = System.nanoTime();
        HttpResponse<String> forKnown = askForCode(new OAuthBrowser(app.baseUrl()), request, known);
        long knownNanos = System.nanoTime() - started;
        started = System.nanoTime();
        HttpResponse<String> forUnknown = askForCode(new OAuthBrowser(app.baseUrl()), request, unknown);
        long unknownNanos = System.nanoTime() - started;

        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
        assertThat(comparable(forUnknown.body(), unknown)).isEqualTo(comparable(forKnown.body(), known));
        assertThat(OAuthBrowser.session(forUnknown.body()).orElseThrow()).hasSameSizeAs(OAuthBrowser.session(forKnown.body()).orElseThrow());
        assertThat(mailbox(unknown).size()).isZero();
        assertThat(signInCodes(known)).hasSize(1);
        // both answers wait out the same floor: the mail written for the known address does not show in the time
        assertThat(Duration.ofNanos(knownNanos)).isGreaterThanOrEqualTo(EvenTiming.FLOOR);
        assertThat(Duration.ofNanos(unknownNanos)).isGreaterThanOrEqualTo(EvenTiming.FLOOR);
    }

    /** The page with the per-visit values (address, its masked form, session, CSRF token) taken out. */
    private static String comparable(String html, String email) {
        String masked = email.charAt(0) + "***@e***.com";
        String out = html.replace(email, "EMAIL").replace(masked, "MASKED");
        out = SESSION_VALUE.matcher(out).replaceAll("SESSION");
        return CSRF_VALUE.matcher(out).replaceAll("CSRF");
    }

    @Test
    void threeWrongCodesStartOverAndTheCodeIsDead() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(choiceClient);
        HttpResponse<String> page = askForCode(browser, request, email);
        String right = onlyCode(email);
        String session = OAuthBrowser.session(page.body()).orElseThrow();

        HttpResponse<String> first = answer(browser, request, email, page, wrong(right));
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.body()).contains("id=\"email-code-form\"", "Invalid code or auth state for the user.");
        assertThat(OAuthBrowser.session(first.body())).hasValue(session);
        HttpResponse<String> second = answer(browser, request, email, first, wrong(right));
        assertThat(second.body()).contains("id=\"email-code-form\"");
        HttpResponse<String> third = answer(browser, request, email, second, wrong(right));

        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(third.body()).contains("id=\"signin-form\"", "wrong three times").doesNotContain("email-code-form");
        // the right code on the dead session signs nobody in
        HttpResponse<String> late = answer(browser, request, email, second, right);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("id=\"signin-form\"");
        assertThat(late.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("userpool_session="));
    }

    @Test
    void aFormWithoutTheCsrfTokenSendsNoMailAndSignsNobodyIn() {
        String email = fixture.user();
        OAuthBrowser browser = new OAuthBrowser(app.baseUrl());
        Map<String, String> request = authorize(choiceClient);
        loginPage(browser, request);

        HttpResponse<String> forged = browser.post("/login/emailCode?" + OAuthBrowser.query(request), Map.of("username", email), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(signInCodes(email)).isEmpty();

        HttpResponse<String> page = askForCode(browser, request, email);
        HttpResponse<String> forgedAnswer = browser.post("/login/emailCode/verify?" + OAuthBrowser.query(request), Map.of("username",
                email, "session", OAuthBrowser.session(page.body()).orElseThrow(), "code", onlyCode(email)), Map.of());
        assertThat(forgedAnswer.statusCode()).isEqualTo(403);
        assertThat(forgedAnswer.headers().firstValue("Location")).isEmpty();
        // the code was not spent: the page's own form still signs in with it
        assertThat(answer(browser, request, email, page, onlyCode(email)).statusCode()).isEqualTo(302);
    }
}
