package dev.userpool.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsAreTheEmbeddedSingleMachineSetup() {
        Settings s = Settings.from(Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.dataDir().toString()).endsWith("data");
        assertThat(s.baseUrl().toString()).isEqualTo("http://localhost:8080");
        assertThat(s.directory()).isEqualTo(Settings.DirectoryChoice.EMBEDDED);
        assertThat(s.verification()).isEqualTo(Settings.VerificationChoice.CODE);
        assertThat(s.logCodes()).isFalse();
        assertThat(s.preventUserExistenceErrors()).isTrue();
        assertThat(s.adminEmails()).isEmpty();
    }

    @Test
    void onlyTheAwsModeWithNothingEmbeddedKeepsNoDatabaseInTheDataDirectory() {
        // what decides whether serve locks the data directory (docs/replicas.md)
        assertThat(Settings.from(Map.of()).usesEmbeddedDatabase()).isTrue();
        Map<String, String> aws = Map.of("USERPOOL_DIRECTORY", "cognito", "USERPOOL_EMAIL", "ses", "USERPOOL_AUDIT", "dynamodb");
        assertThat(Settings.from(aws).usesEmbeddedDatabase()).isFalse();
        for (Map.Entry<String, String> embeddedPart : Map.of("USERPOOL_DIRECTORY", "embedded", "USERPOOL_EMAIL", "smtp",
                "USERPOOL_AUDIT", "embedded").entrySet()) {
            Map<String, String> mixed = new java.util.HashMap<>(aws);
            mixed.put(embeddedPart.getKey(), embeddedPart.getValue());
            assertThat(Settings.from(mixed).usesEmbeddedDatabase()).as(mixed.toString()).isTrue();
        }
        Map<String, String> embeddedEmail = new java.util.HashMap<>(aws);
        embeddedEmail.put("USERPOOL_EMAIL", "embedded");
        assertThat(Settings.from(embeddedEmail).usesEmbeddedDatabase()).isTrue();
    }

    @Test
    void adminEmailsAreNormalised() {
        Settings s = Settings.from(Map.of("USERPOOL_ADMIN_EMAILS", " Boss@Example.com , ops@example.com "));
        assertThat(s.adminEmails()).extracting(e -> e.value()).containsExactlyInAnyOrder("boss@example.com", "ops@example.com");
    }

    @Test
    void toStringKeepsTheRawVariablesOut() {
        Settings s = Settings.from(Map.of("USERPOOL_COGNITO_CLIENT_SECRET", "s3cr3t-value", "AWS_SECRET_ACCESS_KEY", "aws-s3cr3t"));
        assertThat(s.toString()).doesNotContain("s3cr3t");
        assertThat(s.environment().get("USERPOOL_COGNITO_CLIENT_SECRET")).hasValue("s3cr3t-value");
    }

    @Test
    void aSettingRequiredByAChoiceNamesItselfAndTheReason() {
        assertThatThrownBy(() -> Settings.from(Map.of()).environment().required("USERPOOL_COGNITO_USER_POOL_ID", "when USERPOOL_DIRECTORY=cognito"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("USERPOOL_COGNITO_USER_POOL_ID is required when USERPOOL_DIRECTORY=cognito.");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "USERPOOL_DIRECTORY|ldap|allowed values are embedded, cognito",
            "USERPOOL_EMAIL|sendmail|allowed values are embedded, ses, smtp",
            "USERPOOL_AUDIT|kafka|allowed values are embedded, dynamodb",
            "USERPOOL_VERIFICATION|sms|allowed values are code, link",
            "USERPOOL_PORT|eighty|whole number",
            "USERPOOL_PORT|70000|whole number",
            "USERPOOL_LOG_CODES|perhaps|allowed values are true, false",
            "USERPOOL_BASE_URL|ftp://x|http(s) URL",
            "USERPOOL_ADMIN_EMAILS|root|not an email address"})
    void aValueItDoesNotUnderstandStopsStartUpNamingTheVariable(String name, String value, String says) {
        assertThatThrownBy(() -> Settings.from(Map.of(name, value)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(name)
                .hasMessageContaining(says);
    }
}
