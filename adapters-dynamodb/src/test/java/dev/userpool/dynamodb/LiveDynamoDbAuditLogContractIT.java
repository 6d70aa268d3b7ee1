package dev.userpool.dynamodb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.userpool.core.contract.AuditLogContract;
import dev.userpool.core.port.out.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same contract against real DynamoDB, with {@code mvn -B -pl adapters-dynamodb verify -Plive-aws}.
 * It skips itself unless AWS credentials (the SDK's default chain), {@code AWS_REGION} and
 * {@code USERPOOL_DYNAMODB_LIVE_TABLE} are set; that table is created (on-demand) if it is missing.
 * The time-range test reads the index, which DynamoDB updates within about a second of a write
 * (eventually consistent); the contract reads right after writing, so a rare retry may be needed.
 */
@Tag("live-aws")
class LiveDynamoDbAuditLogContractIT extends AuditLogContract {
    @TempDir
    static Path spool;
    private static DynamoDbClient client;
    private static DynamoDbAuditLog log;

    @BeforeAll
    static void connect() {
        Optional<String> table = env("USERPOOL_DYNAMODB_LIVE_TABLE");
        Optional<String> region = env("AWS_REGION");
        assumeTrue(table.isPresent(), "USERPOOL_DYNAMODB_LIVE_TABLE is not set");
        assumeTrue(region.isPresent(), "AWS_REGION is not set");
        boolean credentials;
        try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
            chain.resolveCredentials();
            credentials = true;
        } catch (RuntimeException none) {
            credentials = false;
        }
        assumeTrue(credentials, "no AWS credentials in the SDK's default chain");
        client = DynamoDbClient.builder().region(Region.of(region.get()))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(15)).apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .retryStrategy(r -> r.maxAttempts(3)))
                .build();
        new AuditTable(client, table.get()).createIfMissing(Duration.ofMinutes(5));
        log = new DynamoDbAuditLog(client, AuditLogOptions.defaults(table.get(), spool), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (log != null) log.close();
        if (client != null) client.close();
    }

    @Override
    protected AuditLog auditLog() {
        return log;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
