package dev.userpool.ses;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.EmailMessage;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.ses.testing.AwsSesV2Local;
import dev.userpool.ses.testing.SesClients;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** {@link SesMailer} against aws-ses-v2-local: who it is from and to, and how an error without a code is read. */
class SesMailerIT {
    private static AwsSesV2Local emulator;
    private static SdkHttpClient http;
    private static SesV2Client client;
    private final EmailAddress from = new EmailAddress("no-reply@auth.example.com");

    @BeforeAll
    static void start() {
        emulator = AwsSesV2Local.start();
        http = SesClients.http();
        client = SesClients.at(emulator.endpoint(), http);
    }

    @AfterAll
    static void stop() {
        client.close();
        http.close();
        emulator.close();
    }

    @Test
    void aCodeMessageArrivesFromTheConfiguredAddressToItsRecipientOnly() {
        EmailAddress to = new EmailAddress("carol@example.com");

        new SesMailer(client, from).deliver(new EmailMessage(to, EmailMessage.Kind.CONFIRMATION_CODE, "Your verification code",
                "Your verification code is 204816.", "<p>Your verification code is <b>204816</b>.</p>", Optional.of("204816")));

        assertThat(emulator.emailsTo("carol@example.com")).singleElement().satisfies(m -> {
            assertThat(m.from()).isEqualTo("no-reply@auth.example.com");
            assertThat(m.to()).containsExactly("carol@example.com");
            assertThat(m.subject()).isEqualTo("Your verification code");
            assertThat(m.text()).isEqualTo("Your verification code is 204816.");
            assertThat(m.html()).isEqualTo("<p>Your verification code is <b>204816</b>.</p>");
        });
    }

    /** The emulator answers 400 with no error code for a message without a subject: the status alone maps it. */
    @Test
    void anEmulatorErrorWithoutACodeIsStillMapped() {
        EmailAddress to = new EmailAddress("dave@example.com");

        var refused = assertRefused(() -> new SesMailer(client, from).deliver(new EmailMessage(to,
                EmailMessage.Kind.PASSWORD_CHANGED, "", "text", "<p>html</p>")), ErrorCode.INVALID_PARAMETER);

        assertThat(refused.getMessage()).contains("HTTP 400");
        assertThat(emulator.emailsTo("dave@example.com")).isEmpty();
    }
}
