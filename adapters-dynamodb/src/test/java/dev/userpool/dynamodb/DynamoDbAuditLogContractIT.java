package dev.userpool.dynamodb;

import dev.userpool.core.contract.AuditLogContract;
import dev.userpool.core.port.out.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The audit-log contract on DynamoDB (dynalite): every test of the contract holds as written; no
 * exception was needed. One table serves all tests, as a real one would (each test keeps to its own
 * subject and stretch of time).
 */
class DynamoDbAuditLogContractIT extends AuditLogContract {
    @TempDir
    static Path spool;
    private static Dynalite dynalite;
    private static DynamoDbClient client;
    private static DynamoDbAuditLog log;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.inMemory();
        client = dynalite.client();
        new AuditTable(client, "audit-contract").createIfMissing(Duration.ofSeconds(30));
        log = new DynamoDbAuditLog(client, AuditLogOptions.defaults("audit-contract", spool), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (log != null) log.close();
        if (client != null) client.close();
        if (dynalite != null) dynalite.close();
    }

    @Override
    protected AuditLog auditLog() {
        return log;
    }
}
