package dev.userpool.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.config.Argon2Settings;
import dev.userpool.app.config.CognitoSettings;
import dev.userpool.app.config.DynamoDbSettings;
import dev.userpool.app.config.Environment;
import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.config.LogFormat;
import dev.userpool.app.config.SesSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.app.config.SettingsCatalog;
import dev.userpool.app.config.SmtpSettings;
import dev.userpool.embedded.PasswordHasher;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults docs/configuration.md states are the ones the settings classes really take: each settings
 * class is built with nothing but what its mode requires, and its values are compared with the catalogue.
 */
class SettingsCatalogDefaultsTest {

    @Test
    void theServerAndAdapterDefaults() {
        Settings s = Settings.from(Map.of());
        assertDefault("USERPOOL_PORT", s.port());
        assertDefault("USERPOOL_BIND", s.bindHost());
        assertDefault("USERPOOL_DATA_DIR", "./data");
        assertThat(s.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertDefault("USERPOOL_DIRECTORY", s.directory());
        assertDefault("USERPOOL_EMAIL", s.email());
        assertDefault("USERPOOL_AUDIT", s.audit());
        assertDefault("USERPOOL_VERIFICATION", s.verification());
        assertDefault("USERPOOL_LOG_CODES", s.logCodes());
        assertDefault("USERPOOL_PREVENT_USER_EXISTENCE_ERRORS", s.preventUserExistenceErrors());
        assertDefault("USERPOOL_LOG_FORMAT", LogFormat.from(new Environment(Map.of())));
        assertThat(s.hashConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(SettingsCatalog.find("USERPOOL_HASH_CONCURRENCY").orElseThrow().defaultText()).isEqualTo("number of cores");
    }

    @Test
    void theHashingAndLocalPoolDefaults() {
        Argon2Settings argon2 = Argon2Settings.from(new Environment(Map.of()));
        assertDefault("USERPOOL_ARGON2_MEMORY_KIB", argon2.memoryKiB());
        assertDefault("USERPOOL_ARGON2_ITERATIONS", argon2.iterations());
        assertDefault("USERPOOL_ARGON2_PARALLELISM", argon2.parallelism());
        assertDefault("USERPOOL_HASH_QUEUE", PasswordHasher.DEFAULT_QUEUE);

        LocalPoolSettings pool = LocalPoolSettings.from(new Environment(Map.of()));
        assertDefault("USERPOOL_POOL_ID", pool.userPoolId());
        assertDefault("USERPOOL_CLIENT_ID", pool.clientId());
        assertDefault("USERPOOL_SRP", pool.srp() ? "on" : "off");
        assertDefault("USERPOOL_POOL_ADMIN", pool.adminCalls());
    }

    @Test
    void theAwsAndSmtpDefaults() {
        CognitoSettings cognito = CognitoSettings.from(new Environment(Map.of("USERPOOL_COGNITO_USER_POOL_ID", "eu-west-1_AbCdEf123",
                "USERPOOL_COGNITO_CLIENT_ID", "client")));
        assertThat(SettingsCatalog.find("USERPOOL_COGNITO_AUTH_FLOW").orElseThrow().defaultText()).isEqualTo("`" + cognito.flow() + "`");

        SesSettings ses = SesSettings.from(Settings.from(Map.of("USERPOOL_EMAIL", "ses", "USERPOOL_SES_FROM", "no-reply@example.com")));
        assertThat(SettingsCatalog.find("USERPOOL_SES_TEMPLATE").orElseThrow().defaultText()).endsWith("(else `" + ses.templateName() + "`)");
        assertDefault("USERPOOL_SES_RATE", ses.ratePerSecond() == Math.rint(ses.ratePerSecond())
                ? Long.toString((long) ses.ratePerSecond()) : Double.toString(ses.ratePerSecond()));
        assertDefault("USERPOOL_SES_QUEUE", ses.queueCapacity());

        SmtpSettings smtp = SmtpSettings.from(Settings.from(Map.of("USERPOOL_EMAIL", "smtp", "USERPOOL_SMTP_HOST", "mail.example.com",
                "USERPOOL_SMTP_FROM", "no-reply@example.com")));
        assertDefault("USERPOOL_SMTP_TLS", smtp.security());
        assertThat(SettingsCatalog.find("USERPOOL_SMTP_PORT").orElseThrow().defaultText()).startsWith("`" + smtp.port() + "`");
        assertDefault("USERPOOL_SMTP_RETRY_FIRST", smtp.retryFirst().toSeconds() + "s");
        assertDefault("USERPOOL_SMTP_RETRY_MAX", smtp.retryMax().toSeconds() + "s");

        Settings withDynamo = Settings.from(Map.of("USERPOOL_AUDIT", "dynamodb", "USERPOOL_DYNAMODB_TABLE", "audit"));
        DynamoDbSettings dynamo = DynamoDbSettings.from(withDynamo);
        assertDefault("USERPOOL_DYNAMODB_CREATE_TABLE", dynamo.createTable());
        assertDefault("USERPOOL_AUDIT_RETENTION_DAYS", dynamo.retentionDays());
        assertDefault("USERPOOL_DYNAMODB_SPOOL_DIR", "<USERPOOL_DATA_DIR>/audit-spool");
        assertThat(dynamo.spoolDir()).isEqualTo(withDynamo.dataDir().resolve("audit-spool"));
    }

    /** The catalogue's default is the value as people write it: in backticks, choices in lower case. */
    private static void assertDefault(String name, Object value) {
        String text = value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
        assertThat(SettingsCatalog.find(name)).as(name).isPresent();
        assertThat(SettingsCatalog.find(name).orElseThrow().defaultText()).as("the documented default of " + name)
                .isEqualTo("`" + text + "`");
    }
}
