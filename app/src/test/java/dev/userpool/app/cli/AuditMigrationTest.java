package dev.userpool.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.app.migration.MigrationFileException;
import dev.userpool.app.migration.Progress;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.app.testing.RunningApp;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.out.AuditLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit export} from one embedded pool and {@code audit import} into another, twice. */
class AuditMigrationTest {
    @TempDir
    Path dir;

    private static List<String> exported(AuditLog log) {
        StringWriter out = new StringWriter();
        AuditExportCommand.export(log, Instant.now().plusSeconds(1), out);
        return out.toString().lines().sorted().toList();
    }

    @Test
    void theTrailMovesWholeAndASecondImportAddsNothing() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        List<String> before;
        try (RunningApp old = RunningApp.start(Map.of())) {
            ApiClient api = new ApiClient(old.baseUrl());
            api.register("alice@example.com");
            api.signIn("alice@example.com", ApiClient.PASSWORD);
            api.post("/api/signin", Map.of("email", "alice@example.com", "password", "Wrong-Horse-1"));
            api.signUp("bob@example.com");
            before = exported(old.component().auditLog());
            ExportFile.write(file, out -> AuditExportCommand.export(old.component().auditLog(), Instant.now().plusSeconds(1), out));
        }
        assertThat(before).as("sign-up, confirmation, two sign-ins, sign-up").hasSize(5)
                .anySatisfy(l -> assertThat(l).contains("\"type\":\"SIGN_IN\"", "\"outcome\":\"FAILURE\"", "\"passwordChecked\":true"));
        assertThat(Files.readString(file)).doesNotContain(ApiClient.PASSWORD, "Wrong-Horse-1");

        try (RunningApp fresh = RunningApp.start(Map.of())) {
            AuditLog log = fresh.component().auditLog();
            List<AuditEvent> events = AuditImportCommand.read(file);
            AuditImportCommand.record(log, events, new Progress(new PrintWriter(new StringWriter()), false, events.size()));
            assertThat(exported(log)).isEqualTo(before);

            AuditImportCommand.record(log, events, new Progress(new PrintWriter(new StringWriter()), false, events.size()));
            assertThat(exported(log)).as("recorded again: one copy of each event").isEqualTo(before);
        }
    }

    @Test
    void aFileWithABrokenLineIsRefusedByItsNumberBeforeAnythingIsRecorded() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "\n{\"eventId\":\"x\"\n");
        assertThatThrownBy(() -> AuditImportCommand.read(file)).isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("line 2: not JSON");
    }
}
