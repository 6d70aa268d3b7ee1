package dev.userpool.app.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.config.DynamoDbSettings;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code USERPOOL_AUDIT=dynamodb}: what it needs, its defaults, and how it refuses what it does not understand. */
class DynamoDbSettingsTest {

    private static DynamoDbSettings dynamo(Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>(Map.of("USERPOOL_AUDIT", "dynamodb", "USERPOOL_DYNAMODB_TABLE", "userpool-audit",
                "USERPOOL_DATA_DIR", "/var/lib/userpool"));
        vars.putAll(extra);
        return DynamoDbSettings.from(Settings.from(vars));
    }

    @Test
    void dynamoDbIsAnAuditChoice() {
        assertThat(Settings.from(Map.of("USERPOOL_AUDIT", "dynamodb")).audit()).isEqualTo(Settings.AuditChoice.DYNAMODB);
        assertThat(Settings.from(Map.of("USERPOOL_AUDIT", "DynamoDB")).audit()).isEqualTo(Settings.AuditChoice.DYNAMODB);
    }

    @Test
    void theDefaults() {
        DynamoDbSettings s = dynamo(Map.of());

        assertThat(s.table()).isEqualTo("userpool-audit");
        assertThat(s.endpoint()).isEmpty();
        assertThat(s.createTable()).isFalse();
        assertThat(s.spoolDir()).isEqualTo(Path.of("/var/lib/userpool/audit-spool"));
        assertThat(s.retentionDays()).isEqualTo(400);
        assertThat(s.region()).isEmpty();
        assertThat(s.localCredentials()).isFalse();
    }

    @Test
    void everySettingIsRead() {
        DynamoDbSettings s = dynamo(Map.of("USERPOOL_DYNAMODB_ENDPOINT", "http://127.0.0.1:4567",
                "USERPOOL_DYNAMODB_CREATE_TABLE", "true", "USERPOOL_DYNAMODB_SPOOL_DIR", "/mnt/local-ssd/spool",
                "USERPOOL_AUDIT_RETENTION_DAYS", "30", "AWS_REGION", "eu-west-1"));

        assertThat(s.endpoint()).hasValueSatisfying(u -> assertThat(u).hasToString("http://127.0.0.1:4567"));
        assertThat(s.createTable()).isTrue();
        assertThat(s.spoolDir()).isEqualTo(Path.of("/mnt/local-ssd/spool"));
        assertThat(s.retentionDays()).isEqualTo(30);
        assertThat(s.region()).contains("eu-west-1");
    }

    @Test
    void theTableIsRequired() {
        assertThatThrownBy(() -> DynamoDbSettings.from(Settings.from(Map.of("USERPOOL_AUDIT", "dynamodb"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("USERPOOL_DYNAMODB_TABLE is required when USERPOOL_AUDIT=dynamodb.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "USERPOOL_DYNAMODB_TABLE|ab|USERPOOL_DYNAMODB_TABLE=ab is not understood",
            "USERPOOL_DYNAMODB_TABLE|audit table|USERPOOL_DYNAMODB_TABLE=audit table is not understood",
            "USERPOOL_DYNAMODB_ENDPOINT|127.0.0.1:4567|USERPOOL_DYNAMODB_ENDPOINT=127.0.0.1:4567 is not understood",
            "USERPOOL_DYNAMODB_CREATE_TABLE|maybe|USERPOOL_DYNAMODB_CREATE_TABLE=maybe is not understood",
            "USERPOOL_AUDIT_RETENTION_DAYS|0|USERPOOL_AUDIT_RETENTION_DAYS=0 is not understood",
            "USERPOOL_AUDIT_RETENTION_DAYS|a year|USERPOOL_AUDIT_RETENTION_DAYS=a year is not understood",
            "AWS_REGION|Ireland|AWS_REGION=Ireland is not understood"})
    void aValueItDoesNotUnderstandStopsStartUpNamingIt(String name, String value, String message) {
        assertThatThrownBy(() -> dynamo(Map.of(name, value))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:4567||true",
            "http://localhost:4567||true",
            "http://[::1]:4567||true",
            "http://127.0.0.1:4567|AWS_ACCESS_KEY_ID|false",
            "http://127.0.0.1:4567|AWS_PROFILE|false",
            "https://dynamodb.eu-west-1.amazonaws.com||false",
            "http://localhost.example.com:4567||false",
            "http://10.0.0.5:4567||false"})
    void dummyCredentialsOnlyForAnEmulatorOnThisMachineAndOnlyWithoutRealOnes(String endpoint, String credentialVariable,
                                                                             boolean dummy) {
        Map<String, String> extra = new HashMap<>(Map.of("USERPOOL_DYNAMODB_ENDPOINT", endpoint));
        if (credentialVariable != null) extra.put(credentialVariable, "set");
        assertThat(dynamo(extra).localCredentials()).isEqualTo(dummy);
    }

    @Test
    void noEndpointMeansTheSdksCredentialChain() {
        assertThat(dynamo(Map.of()).localCredentials()).isFalse();
        assertThat(dynamo(Map.of()).endpointIsLoopback()).isFalse();
    }
}
