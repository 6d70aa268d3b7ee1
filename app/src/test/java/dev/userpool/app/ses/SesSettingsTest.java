package dev.userpool.app.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.SesSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.app.wiring.SesModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code USERPOOL_EMAIL=ses}: what it needs, what it derives, and how it refuses what it does not understand. */
class SesSettingsTest {

    private static SesSettings ses(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(Map.of("USERPOOL_EMAIL", "ses", "USERPOOL_SES_FROM", "no-reply@auth.example.com",
                "USERPOOL_BASE_URL", "https://auth.example.com"));
        vars.putAll(extra);
        return SesSettings.from(Settings.from(vars));
    }

    @Test
    void sesIsAnEmailChoice() {
        assertThat(Settings.from(Map.of("USERPOOL_EMAIL", "ses")).email()).isEqualTo(Settings.EmailChoice.SES);
    }

    @Test
    void theRedirectsComeFromTheBaseUrlAndTheRateDefaultsToSesLimit() {
        SesSettings s = ses(Map.of());

        assertThat(s.successRedirect()).hasToString("https://auth.example.com/verified.html");
        assertThat(s.failureRedirect()).hasToString("https://auth.example.com/verified.html?failed=1");
        assertThat(s.ratePerSecond()).isEqualTo(1.0);
        assertThat(s.queueCapacity()).isEqualTo(10);
        assertThat(s.templateName()).isEqualTo(SesSettings.DEFAULT_TEMPLATE);
        assertThat(s.endpoint()).isEmpty();
    }

    @Test
    void theFallbackShareDefaultsToHalfAndMustBeAPartOfTheRate() {
        assertThat(ses(Map.of()).fallbackShare()).isEqualTo(0.5);
        assertThat(ses(Map.of("USERPOOL_SES_FALLBACK_SHARE", "0.25")).fallbackShare()).isEqualTo(0.25);
        assertThat(ses(Map.of("USERPOOL_SES_FALLBACK_SHARE", "1")).fallbackShare()).isEqualTo(1.0);
        for (String bad : new String[] {"0", "1.5", "-0.5", "half", "NaN"}) {
            assertThatThrownBy(() -> ses(Map.of("USERPOOL_SES_FALLBACK_SHARE", bad)))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("USERPOOL_SES_FALLBACK_SHARE=" + bad + " is not understood");
        }
    }

    @Test
    void theFromAddressIsRequired() {
        assertThatThrownBy(() -> SesSettings.from(Settings.from(Map.of("USERPOOL_EMAIL", "ses"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("USERPOOL_SES_FROM is required when USERPOOL_EMAIL=ses.");
    }

    @Test
    void linkVerificationNeedsTheTemplateNamed() {
        assertThatThrownBy(() -> ses(Map.of("USERPOOL_VERIFICATION", "link")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("USERPOOL_SES_TEMPLATE is required when USERPOOL_EMAIL=ses and USERPOOL_VERIFICATION=link.");
        assertThat(ses(Map.of("USERPOOL_VERIFICATION", "link", "USERPOOL_SES_TEMPLATE", "wildrydes")).templateName())
                .isEqualTo("wildrydes");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "USERPOOL_SES_FROM     | Wild Rydes <no-reply@example.com> | no display name",
            "USERPOOL_SES_TEMPLATE | my template                       | letters, digits",
            "USERPOOL_SES_RATE     | 0                                 | above 0",
            "USERPOOL_SES_RATE     | fast                              | sends per second",
            "USERPOOL_SES_RATE     | 500                               | at most 100",
            "USERPOOL_SES_ENDPOINT | ftp://127.0.0.1:21                | http(s) URL",
            "USERPOOL_SES_QUEUE    | 0                                 | whole number"})
    void aValueItDoesNotUnderstandIsNamed(String name, String value, String says) {
        assertThatThrownBy(() -> ses(Map.of(name, value)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(name + "=" + value)
                .hasMessageContaining(says);
    }

    @Test
    void aRateBelowOneIsAllowedForInstancesSharingAnAccount() {
        assertThat(ses(Map.of("USERPOOL_SES_RATE", "0.5")).ratePerSecond()).isEqualTo(0.5);
    }

    @ParameterizedTest(name = "endpoint {0}, credentials variable {1} -> dummy credentials {2}")
    @CsvSource({
            "http://127.0.0.1:8005,       ,                  true",
            "http://localhost:8005,       ,                  true",
            "http://[::1]:8005,           ,                  true",
            "http://127.0.0.1:8005,       AWS_ACCESS_KEY_ID, false",
            "http://127.0.0.1:8005,       AWS_PROFILE,       false",
            "https://email.example.com,   ,                  false",
            ",                            ,                  false"})
    void dummyCredentialsOnlyForAnEndpointOnThisMachineWithNoneInTheEnvironment(String endpoint, String credential,
                                                                                boolean local) {
        Map<String, String> extra = new HashMap<>();
        if (endpoint != null) extra.put("USERPOOL_SES_ENDPOINT", endpoint);
        if (credential != null) extra.put(credential, "something");

        assertThat(ses(extra).localCredentials()).isEqualTo(local);
    }

    @Test
    void theShippedTemplateFilesPassSesRules() throws IOException {
        SesSettings s = ses(Map.of());

        var template = SesModule.verificationTemplate(s, read("ses/verification-subject.txt").strip(),
                read("ses/verification-email.html"));

        assertThat(template.subject()).isEqualTo("Confirm your email address for Wild Rydes");
        assertThat(template.htmlContent()).contains("Confirm your email address").doesNotContain("<a ");
    }

    @Test
    void templateContentSesWouldRefuseStopsStartUpNamingTheProblemAndTheFiles() {
        SesSettings s = ses(Map.of());

        assertThatThrownBy(() -> SesModule.verificationTemplate(s, "Confirm", "<p>Hi</p><script>x()</script>"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("uses <script>, a tag SES does not allow")
                .hasMessageContaining("ses/verification-email.html");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SesSettingsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
