package dev.userpool.app.ses;

import static dev.userpool.app.testing.ApiClient.PASSWORD;
import static dev.userpool.ses.testing.SesV2Stub.Operation.CREATE_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.DELETE_EMAIL_IDENTITY;
import static dev.userpool.ses.testing.SesV2Stub.Operation.GET_EMAIL_IDENTITY;
import static dev.userpool.ses.testing.SesV2Stub.Operation.GET_TEMPLATE;
import static dev.userpool.ses.testing.SesV2Stub.Operation.SEND_CUSTOM_VERIFICATION_EMAIL;
import static dev.userpool.ses.testing.SesV2Stub.Operation.UPDATE_TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.ApiClient.Response;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.ses.testing.SesV2Stub;
import dev.userpool.ses.testing.SesV2Stub.Call;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * USERPOOL_EMAIL=ses with USERPOOL_VERIFICATION=link, through the real app against the SES v2 stub:
 * the template is synced at start, sign-up sends SES's custom verification email, the person opens
 * the link (the stub marks the identity verified, as SES does) and lands on verified.html, whose call
 * confirms the account with email_verified true; then the identity is deleted from SES.
 */
class SesLinkFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SesV2Stub ses = SesV2Stub.start();

    @AfterEach
    void stop() {
        ses.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("USERPOOL_EMAIL", "ses");
        env.put("USERPOOL_VERIFICATION", "link");
        env.put("USERPOOL_SES_FROM", "no-reply@auth.example.com");
        env.put("USERPOOL_SES_TEMPLATE", "wildrydes-verify");
        env.put("USERPOOL_SES_ENDPOINT", ses.endpoint().toString());
        env.put("AWS_REGION", "eu-west-1");
        return env;
    }

    @Test
    void signUpSendsTheSesEmailAndTheOpenedLinkConfirmsTheAccount() throws IOException {
        try (RunningApp app = RunningApp.start(env())) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "rider@example.com";

            JsonNode template = ses.template("wildrydes-verify").orElseThrow();
            assertThat(template.path("FromEmailAddress").asText()).isEqualTo("no-reply@auth.example.com");
            assertThat(template.path("TemplateSubject").asText()).isEqualTo(resource("ses/verification-subject.txt").strip());
            assertThat(template.path("TemplateContent").asText()).isEqualTo(resource("ses/verification-email.html"));
            assertThat(template.path("SuccessRedirectionURL").asText()).isEqualTo(app.baseUrl() + "/verified.html");
            assertThat(template.path("FailureRedirectionURL").asText()).isEqualTo(app.baseUrl() + "/verified.html?failed=1");

            Response signUp = api.signUp(email);
            assertThat(signUp.status()).isEqualTo(201);
            assertThat(signUp.json().path("confirmWith").asText()).isEqualTo("LINK");
            assertThat(ses.calls(SEND_CUSTOM_VERIFICATION_EMAIL)).singleElement().satisfies(c -> assertThat(c.json())
                    .isEqualTo(JSON.createObjectNode().put("EmailAddress", email).put("TemplateName", "wildrydes-verify")));

            Response early = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(early.json().path("verification").asText()).isEqualTo("PENDING");
            assertThat(early.json().path("status").asText()).isEqualTo("UNCONFIRMED");
            assertThat(api.post("/api/signin", Map.of("email", email, "password", PASSWORD)).code()).isEqualTo("UserNotConfirmed");

            ses.markVerified(email);   // the person opened the link in SES's email
            Response landing = api.get(template.path("SuccessRedirectionURL").asText().substring(app.baseUrl().toString().length()));
            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.text()).contains("verified.js");
            Response done = api.post("/api/verify-link/complete", Map.of("email", email));   // what verified.js asks

            assertThat(done.json().path("verification").asText()).isEqualTo("VERIFIED");
            assertThat(done.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(done.json().path("emailVerified").asBoolean()).isTrue();
            assertThat(ses.calls(DELETE_EMAIL_IDENTITY)).singleElement()
                    .satisfies(c -> assertThat(c.path()).isEqualTo("/v2/email/identities/rider%40example.com"));
            assertThat(ses.identityStatus(email)).isEmpty();

            JsonNode tokens = api.signIn(email, PASSWORD);
            assertThat(claims(tokens.path("idToken").asText()).path("email_verified").asBoolean()).isTrue();

            int identityReads = ses.calls(GET_EMAIL_IDENTITY).size();
            Response again = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(again.json().path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(ses.calls(GET_EMAIL_IDENTITY)).hasSize(identityReads);
        }
    }

    @Test
    void aFailedLinkIsReportedAndANewOneCanBeSent() {
        try (RunningApp app = RunningApp.start(env())) {
            ApiClient api = new ApiClient(app.baseUrl());
            String email = "late@example.com";
            api.signUp(email);
            ses.setIdentityStatus(email, "FAILED");

            Response failed = api.post("/api/verify-link/complete", Map.of("email", email));
            assertThat(failed.json().path("verification").asText()).isEqualTo("FAILED");
            assertThat(api.get("/verified.html?failed=1").status()).isEqualTo(200);

            assertThat(api.post("/api/verify-link", Map.of("email", email)).status()).isEqualTo(202);
            assertThat(ses.verificationEmailsSent()).containsExactly(email, email);
            assertThat(api.post("/api/verify-link/complete", Map.of("email", email)).json().path("verification").asText())
                    .isEqualTo("PENDING");
        }
    }

    @Test
    void aSecondStartLeavesTheTemplateAloneAndAStaleOneIsUpdated() {
        Map<String, String> env = env();
        env.put("USERPOOL_BASE_URL", "https://auth.example.com");   // the same public URL each start, whatever the port
        try (RunningApp first = RunningApp.start(env)) {
            assertThat(ses.calls()).extracting(Call::operation).containsExactly(GET_TEMPLATE, CREATE_TEMPLATE);
        }
        ses.clearCalls();
        try (RunningApp second = RunningApp.start(env)) {
            assertThat(ses.calls()).extracting(Call::operation).containsExactly(GET_TEMPLATE);
        }

        ses.putTemplate("wildrydes-verify", "no-reply@auth.example.com", "An old subject", "<p>old</p>",
                "https://old.example.com/verified.html", "https://old.example.com/verified.html?failed=1");
        ses.clearCalls();
        try (RunningApp third = RunningApp.start(env)) {
            assertThat(ses.calls()).extracting(Call::operation).containsExactly(GET_TEMPLATE, UPDATE_TEMPLATE);
            assertThat(ses.template("wildrydes-verify").orElseThrow().path("TemplateSubject").asText())
                    .isEqualTo("Confirm your email address for Wild Rydes");
        }
    }

    @Test
    void aSandboxAccountIsToldPlainly() {
        try (RunningApp app = RunningApp.start(env())) {
            ApiClient api = new ApiClient(app.baseUrl());
            ses.failNext(SEND_CUSTOM_VERIFICATION_EMAIL, 400, "ProductionAccessNotGranted", "Production access not granted.");

            Response signUp = api.signUp("sandboxed@example.com");

            assertThat(signUp.status()).isEqualTo(503);
            assertThat(signUp.code()).isEqualTo("ServiceUnavailable");
            assertThat(signUp.text()).contains("sandbox").contains("production access").doesNotContain("Exception");
        }
    }

    @Test
    void missingSesSettingsStopStartUpNamingThem() {
        Map<String, String> noTemplate = env();
        noTemplate.remove("USERPOOL_SES_TEMPLATE");
        assertThatThrownBy(() -> RunningApp.start(noTemplate).close()).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("USERPOOL_SES_TEMPLATE is required");

        Map<String, String> noFrom = env();
        noFrom.remove("USERPOOL_SES_FROM");
        assertThatThrownBy(() -> RunningApp.start(noFrom).close()).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("USERPOOL_SES_FROM is required");
        assertThat(ses.calls()).isEmpty();
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SesLinkFlowTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
