package dev.userpool.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.MfaSettings;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.core.testing.Oathtool;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authenticator apps over the REST API (issue 14): enrolment with the secret as text, otpauth:// URI and
 * QR code image, verification, turning it on, the sign-in's second step, and an administrator's view and
 * removal; refusals as application/problem+json. Codes from oathtool at the app's controlled time.
 */
class MfaRoutesTest {
    private static final String ADMIN = "mfa-admin@example.com";
    private static final String PASSWORD = ApiClient.PASSWORD;
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final MutableClock CLOCK = MutableClock.at(Instant.parse("2031-05-06T07:08:00Z"));
    private static RunningApp app;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        app = RunningApp.start(Map.of("USERPOOL_ADMIN_EMAILS", ADMIN), CLOCK);
        api = new ApiClient(app.baseUrl());
        api.register(ADMIN);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String code(String secret) {
        return Oathtool.code(secret, CLOCK.instant());
    }

    private static String wrong(String secret) {
        String right = code(secret);
        return right.equals("000000") ? "111111" : "000000";
    }

    @Test
    void aUserSetsAnAppUpFromTheQrCodeAndThenSignsInWithItsCode() throws Exception {
        String email = "mfa" + SEQ.incrementAndGet() + "@example.com";
        api.register(email);
        String token = api.accessToken(email);

        Response enrol = api.post("/api/me/mfa/totp", Map.of(), token);
        assertThat(enrol.status()).isEqualTo(200);
        assertThat(enrol.raw().headers().firstValue("Cache-Control")).contains("no-store");
        String secret = enrol.json().path("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrol.json().path("otpauthUri").asText()).startsWith("otpauth://totp/")
                .contains("secret=" + secret).contains(email.replace("@", "%40"));
        String qr = enrol.json().path("qrCode").asText();
        assertThat(qr).startsWith("data:image/png;base64,");
        assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)))).getWidth())
                .isGreaterThan(100);

        Response mismatch = api.post("/api/me/mfa/totp/verify", Map.of("code", wrong(secret)), token);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.contentType()).startsWith("application/problem+json");
        assertThat(mismatch.code()).isEqualTo("EnableSoftwareTokenMFA");
        Response notDigits = api.post("/api/me/mfa/totp/verify", Map.of("code", "12ab56"), token);
        assertThat(notDigits.code()).isEqualTo("InvalidParameter");
        assertThat(api.post("/api/me/mfa/totp/verify", Map.of("code", code(secret)), token).json().path("status").asText())
                .isEqualTo("SUCCESS");
        Response on = api.send("PUT", "/api/me/mfa", Map.of("enabled", true, "preferred", true), token);
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().path("enabledFactors").get(0).asText()).isEqualTo("SOFTWARE_TOKEN_MFA");

        CLOCK.advance(Duration.ofSeconds(30));
        Response challenge = api.post("/api/signin", Map.of("email", email, "password", PASSWORD));
        assertThat(challenge.json().path("challenge").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(challenge.json().has("accessToken")).isFalse();
        String session = challenge.json().path("session").asText();
        Response signedIn = api.post("/api/signin/mfa", Map.of("email", email, "session", session, "code", code(secret)));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("accessToken").asText()).isNotBlank();

        Response replay = api.post("/api/signin/mfa", Map.of("email", email, "session", session, "code", code(secret)));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.contentType()).startsWith("application/problem+json");

        // an administrator sees the factor and removes it: the password alone signs in again
        String admin = api.accessToken(ADMIN);
        assertThat(api.get("/api/admin/users/" + email + "/mfa", admin).json().path("softwareTokenEnabled").asBoolean()).isTrue();
        // a user who is not an administrator sees and removes nobody's app, their own neither
        for (Response refused : new Response[] {api.get("/api/admin/users/" + email + "/mfa", token),
                api.delete("/api/admin/users/" + email + "/mfa", token)}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/me/mfa", token).json().path("softwareTokenEnabled").asBoolean()).as("not removed").isTrue();
        assertThat(api.delete("/api/admin/users/" + email + "/mfa", admin).status()).isEqualTo(204);
        assertThat(api.signIn(email, PASSWORD).path("accessToken").asText()).isNotBlank();

        var trail = app.component().auditQueries().forEmail(email, PageRequest.first(60)).items();
        assertThat(trail).extracting(AuditEvent::type).contains(AuditEventType.MFA_REMOVED_BY_ADMIN,
                AuditEventType.SOFTWARE_TOKEN_VERIFIED, AuditEventType.MFA_CHALLENGE_ANSWERED);
        assertThat(trail.toString()).doesNotContain(secret).doesNotContain(session);
    }

    @Test
    void whereThePoolRequiresMfaTheAppSetUpAtSignInCannotBeTurnedOffButItsPreferenceCanChange() {
        try (RunningApp required = RunningApp.start(Map.of("USERPOOL_MFA", "on"), CLOCK)) {
            ApiClient client = new ApiClient(required.baseUrl());
            String email = "mfa-on" + SEQ.incrementAndGet() + "@example.com";
            client.register(email);
            Response setup = client.post("/api/signin", Map.of("email", email, "password", PASSWORD));
            assertThat(setup.json().path("challenge").asText()).isEqualTo("MFA_SETUP");
            Response association = client.post("/api/signin/mfa-setup/totp",
                    Map.of("session", setup.json().path("session").asText(), "email", email));
            String secret = association.json().path("secret").asText();
            String session = client.post("/api/signin/mfa-setup/totp/verify", Map.of("session",
                    association.json().path("session").asText(), "code", code(secret))).json().path("session").asText();
            String token = client.post("/api/signin/mfa", Map.of("challenge", "MFA_SETUP", "email", email, "session", session))
                    .json().path("accessToken").asText();
            assertThat(token).isNotBlank();

            Response off = client.send("PUT", "/api/me/mfa", Map.of("enabled", false, "preferred", false), token);
            assertThat(off.status()).isEqualTo(400);
            assertThat(off.contentType()).startsWith("application/problem+json");
            assertThat(off.code()).isEqualTo("InvalidParameter");
            assertThat(off.json().path("detail").asText()).isEqualTo(MfaSettings.REQUIRED_BY_POOL);
            assertThat(client.get("/api/me/mfa", token).json().path("softwareTokenVerified").asBoolean()).isTrue();
            Response preferred = client.send("PUT", "/api/me/mfa", Map.of("enabled", true, "preferred", true), token);
            assertThat(preferred.json().path("preferred").asText()).isEqualTo("SOFTWARE_TOKEN_MFA");
        }
    }

    @Test
    void aWrongCodeIsAProblemAndAnUnknownAddressAnswersAsABadSession() {
        String email = "mfa" + SEQ.incrementAndGet() + "@example.com";
        api.register(email);
        String token = api.accessToken(email);
        String secret = api.post("/api/me/mfa/totp", Map.of(), token).json().path("secret").asText();
        api.post("/api/me/mfa/totp/verify", Map.of("code", code(secret)), token);
        api.send("PUT", "/api/me/mfa", Map.of("enabled", true), token);
        CLOCK.advance(Duration.ofSeconds(30));

        String session = api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).json().path("session").asText();
        Response wrongCode = api.post("/api/signin/mfa", Map.of("email", email, "session", session, "code", wrong(secret)));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.code()).isEqualTo("CodeMismatch");

        Response nobody = api.post("/api/signin/mfa", Map.of("email", "nobody-" + SEQ.incrementAndGet() + "@example.com",
                "session", session, "code", code(secret)));
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.code()).isEqualTo("NotAuthorized");
        assertThat(api.get("/api/me/mfa", null).status()).isEqualTo(401);
    }
}
