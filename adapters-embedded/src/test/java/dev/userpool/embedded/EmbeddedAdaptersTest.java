package dev.userpool.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.Password;
import dev.userpool.core.testing.RecordingMailer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding entry point: what it builds, where the mail goes, and that it keeps the file it was given. */
class EmbeddedAdaptersTest {
    private static final URI ISSUER = URI.create("http://127.0.0.1:8081/local_Embedded1");
    private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

    @TempDir
    Path dir;

    @Test
    void codesGoToTheOutboxByDefault() {
        EmailAddress ada = new EmailAddress("ada@example.com");
        try (EmbeddedAdapters edge = EmbeddedAdapters.builder(dir.resolve("users.db"), ISSUER).argon2(CHEAP, 1).build()) {
            edge.directory().signUp(ada, Password.of("Correct-Horse-9"), true);

            assertThat(edge.outbox().orElseThrow()).isSameAs(edge.mailer());
            assertThat(edge.outbox().orElseThrow().messagesTo(ada)).singleElement()
                    .satisfies(m -> assertThat(m.kind()).isEqualTo(EmailMessage.Kind.CONFIRMATION_CODE));
        }
    }

    @Test
    void aMailerOfOneselfReplacesTheOutbox() {
        EmailAddress ada = new EmailAddress("ada@example.com");
        RecordingMailer mailer = new RecordingMailer();
        try (EmbeddedAdapters edge = EmbeddedAdapters.builder(dir.resolve("users.db"), ISSUER).mailer(mailer)
                .argon2(CHEAP, 1).build()) {
            edge.directory().signUp(ada, Password.of("Correct-Horse-9"), true);

            assertThat(edge.outbox()).isEmpty();
            assertThat(mailer.lastTo(ada)).hasValueSatisfying(m -> assertThat(m.oneTimeCode()).isPresent());
        }
    }

    @Test
    void theFileKeepsUsersAndSigningKeysAcrossOpenings() {
        EmailAddress ada = new EmailAddress("ada@example.com");
        String keys;
        try (EmbeddedAdapters edge = EmbeddedAdapters.builder(dir.resolve("users.db"), ISSUER).argon2(CHEAP, 1).build()) {
            edge.directory().signUp(ada, Password.of("Correct-Horse-9"), false);
            keys = edge.jwksJson();
        }
        try (EmbeddedAdapters again = EmbeddedAdapters.builder(dir.resolve("users.db"), ISSUER).argon2(CHEAP, 1).build()) {
            assertThat(again.directory().find(ada)).isPresent();
            assertThat(again.jwksJson()).isEqualTo(keys).contains("\"kid\"");
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedBeforeTheFileIsOpened() {
        EmbeddedAdapters.Builder builder = EmbeddedAdapters.builder(dir.resolve("users.db"), ISSUER);

        assertThatThrownBy(() -> builder.argon2(CHEAP, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxConcurrentHashes");
        assertThatThrownBy(() -> EmbeddedAdapters.builder(dir.resolve("users.db"), URI.create("relative/issuer")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThat(dir.resolve("users.db")).doesNotExist();
    }
}
