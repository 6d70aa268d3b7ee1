package dev.userpool.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.app.migration.Progress;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.dynamodb.Dynalite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of the embedded pool moved into DynamoDB (dynalite), as a team does when it moves
 * to AWS: {@code audit export}, then {@code audit import} twice into the table; read back by a new
 * app, it is the same trail, each event once.
 */
class AuditMoveToDynamoDbIT {
    @TempDir
    Path work;

    private static List<String> exported(AuditLog log) {
        StringWriter out = new StringWriter();
        AuditExportCommand.export(log, Instant.now().plusSeconds(1), out);
        return out.toString().lines().sorted().toList();
    }

    private Map<String, String> dynamo(Dynalite dynalite, String dataDir) {
        return Map.of("USERPOOL_AUDIT", "dynamodb", "USERPOOL_DYNAMODB_TABLE", "userpool-audit",
                "USERPOOL_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(), "USERPOOL_DYNAMODB_CREATE_TABLE", "true",
                "AWS_REGION", "us-east-1", "USERPOOL_DATA_DIR", work.resolve(dataDir).toString());
    }

    @Test
    void theEmbeddedTrailArrivesInDynamoDbWholeAndOnceHoweverOftenItIsImported() {
        Path file = work.resolve("audit.jsonl");
        List<String> before;
        try (RunningApp old = RunningApp.start(Map.of("USERPOOL_DATA_DIR", work.resolve("embedded").toString()))) {
            ApiClient api = new ApiClient(old.baseUrl());
            api.register("alice@example.com");
            api.post("/api/signin", Map.of("email", "alice@example.com", "password", "Wrong-Horse-1"));
            api.signUp("bob@example.com");
            before = exported(old.component().auditLog());
            ExportFile.write(file, out -> AuditExportCommand.export(old.component().auditLog(), Instant.now().plusSeconds(1), out));
        }
        assertThat(before).hasSize(4);
        List<AuditEvent> events = AuditImportCommand.read(file);

        try (Dynalite dynalite = Dynalite.inMemory()) {
            for (String run : List.of("first", "second")) {
                // each import a process of its own: the log delivers what it spooled when it closes
                try (RunningApp importer = RunningApp.start(dynamo(dynalite, "importer-" + run))) {
                    AuditImportCommand.record(importer.component().auditLog(), events,
                            new Progress(new PrintWriter(new StringWriter()), false, events.size()));
                }
            }
            try (RunningApp reader = RunningApp.start(dynamo(dynalite, "reader"))) {
                assertThat(exported(reader.component().auditLog())).isEqualTo(before);
            }
        }
    }
}
