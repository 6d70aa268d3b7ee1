package dev.userpool.ses;

import dev.userpool.core.contract.MailerContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.Mailer;
import dev.userpool.ses.testing.AwsSesV2Local;
import dev.userpool.ses.testing.SesClients;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The mailer contract on {@link SesMailer} against aws-ses-v2-local: "delivered" means listed in its {@code /store}. */
class SesMailerContractIT extends MailerContract {
    private static AwsSesV2Local emulator;
    private static SdkHttpClient http;
    private static SesV2Client client;

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

    @Override
    protected Mailer mailer() {
        return new SesMailer(client, new EmailAddress("no-reply@auth.example.com"));
    }

    @Override
    protected List<Delivered> deliveredTo(EmailAddress to) {
        return emulator.emailsTo(to.value()).stream().map(m -> new Delivered(m.subject(), m.text(), m.html())).toList();
    }
}
