package dev.userpool.app.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.Settings;
import dev.userpool.app.config.SmtpSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    private static final String PASSWORD = "hunter2-Very-Secret";

    private static SmtpSettings read(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("USERPOOL_EMAIL", "smtp", "USERPOOL_SMTP_HOST", "smtp.example.com",
                "USERPOOL_SMTP_FROM", "no-reply@example.com"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) env.remove(pairs[i]);
            else env.put(pairs[i], pairs[i + 1]);
        }
        return SmtpSettings.from(Settings.from(env));
    }

    @Test
    void startTlsOnPort587WithRetriesFrom5sUpTo60sByDefault() {
        SmtpSettings smtp = read();

        assertThat(Settings.from(Map.of("USERPOOL_EMAIL", "smtp")).email()).isEqualTo(Settings.EmailChoice.SMTP);
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.login()).isEmpty();
        assertThat(smtp.from().value()).isEqualTo("no-reply@example.com");
        assertThat(smtp.retryFirst()).isEqualTo(Duration.ofSeconds(5));
        assertThat(smtp.retryMax()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void eachSettingIsRead() {
        SmtpSettings smtp = read("USERPOOL_SMTP_TLS", "tls", "USERPOOL_SMTP_USERNAME", "mailer", "USERPOOL_SMTP_PASSWORD", PASSWORD,
                "USERPOOL_SMTP_RETRY_FIRST", "500ms", "USERPOOL_SMTP_RETRY_MAX", "PT2M");

        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.TLS);
        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp.login().orElseThrow().username()).isEqualTo("mailer");
        assertThat(smtp.login().orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(smtp.retryFirst()).isEqualTo(Duration.ofMillis(500));
        assertThat(smtp.retryMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(read("USERPOOL_SMTP_PORT", "2525").port()).isEqualTo(2525);
    }

    @Test
    void plainTextIsRefusedForAHostElsewhereNamingTheVariables() {
        assertThatThrownBy(() -> read("USERPOOL_SMTP_TLS", "none"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("USERPOOL_SMTP_TLS=none")
                .hasMessageContaining("USERPOOL_SMTP_HOST")
                .hasMessageContaining("smtp.example.com");
        assertThat(read("USERPOOL_SMTP_TLS", "none", "USERPOOL_SMTP_HOST", "localhost").port()).isEqualTo(25);
        assertThat(read("USERPOOL_SMTP_TLS", "none", "USERPOOL_SMTP_HOST", "127.0.0.1").security())
                .isEqualTo(SmtpSettings.Security.NONE);
    }

    @Test
    void missingOrWrongValuesStopStartUpNamingTheVariable() {
        assertThatThrownBy(() -> read("USERPOOL_SMTP_HOST", null)).hasMessageContaining("USERPOOL_SMTP_HOST is required");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_FROM", null)).hasMessageContaining("USERPOOL_SMTP_FROM is required");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_FROM", "Mailer <x@example.com>")).hasMessageContaining("USERPOOL_SMTP_FROM");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_TLS", "ssl")).hasMessageContaining("USERPOOL_SMTP_TLS=ssl")
                .hasMessageContaining("starttls, tls, none");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_USERNAME", "mailer")).hasMessageContaining("USERPOOL_SMTP_PASSWORD is required");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_PASSWORD", PASSWORD)).hasMessageContaining("USERPOOL_SMTP_USERNAME is required")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> read("USERPOOL_SMTP_RETRY_FIRST", "soon")).hasMessageContaining("USERPOOL_SMTP_RETRY_FIRST=soon");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_RETRY_FIRST", "0s")).hasMessageContaining("USERPOOL_SMTP_RETRY_FIRST");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_RETRY_FIRST", "2m", "USERPOOL_SMTP_RETRY_MAX", "1m"))
                .hasMessageContaining("USERPOOL_SMTP_RETRY_MAX");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_PORT", "0")).hasMessageContaining("USERPOOL_SMTP_PORT=0");
        assertThatThrownBy(() -> read("USERPOOL_SMTP_HOST", "mail example.com")).hasMessageContaining("USERPOOL_SMTP_HOST");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        Settings settings = Settings.from(Map.of("USERPOOL_EMAIL", "smtp", "USERPOOL_SMTP_HOST", "smtp.example.com",
                "USERPOOL_SMTP_FROM", "no-reply@example.com", "USERPOOL_SMTP_USERNAME", "mailer", "USERPOOL_SMTP_PASSWORD", PASSWORD));
        SmtpSettings smtp = SmtpSettings.from(settings);

        assertThat(smtp.toString()).contains("smtp.example.com", "mailer").doesNotContain(PASSWORD);
        assertThat(smtp.toString()).doesNotContain(PASSWORD);
        assertThat(settings.toString()).doesNotContain(PASSWORD);
    }
}
