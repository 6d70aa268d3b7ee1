package dev.userpool.ses;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.testing.MutableClock;
import dev.userpool.ses.testing.SesClients;
import dev.userpool.ses.testing.SesV2Stub;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES adapters on the SES v2 stub, with one clock the stub stamps requests with and the pacer
 * "sleeps" on: a pause moves the clock instead of taking real time.
 */
final class StubbedSes implements AutoCloseable {
    static final String TEMPLATE_NAME = "userpool-verification";
    static final EmailAddress FROM = new EmailAddress("no-reply@auth.example.com");
    static final String SUBJECT = "Confirm your email address";
    static final String CONTENT = "<html><head></head><body style=\"font-family:sans-serif\"><h1>Almost there</h1>"
            + "<p>Open the link below to confirm <b>this</b> address.</p></body></html>";
    static final URI SUCCESS = URI.create("https://auth.example.com/verified.html");
    static final URI FAILURE = URI.create("https://auth.example.com/verified.html?failed=1");

    final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    final SesV2Stub stub = SesV2Stub.start(clock);
    final SdkHttpClient http = SesClients.http();
    final SesV2Client client = SesClients.at(stub.endpoint(), http);
    /** Every pause the pacer asked for, in order. */
    final List<Duration> pauses = new ArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    static VerificationEmailTemplate template() {
        return new VerificationEmailTemplate(TEMPLATE_NAME, FROM, SUBJECT, CONTENT, SUCCESS, FAILURE);
    }

    SendPacer pacer(double ratePerSecond, int capacity) {
        SendPacer pacer = new SendPacer(ratePerSecond, capacity, clock, d -> {
            synchronized (pauses) {
                pauses.add(d);
            }
            clock.advance(d);
        });
        opened.add(pacer);
        return pacer;
    }

    SesEmailVerifier verifier() {
        return verifier(template(), pacer(1, 10));
    }

    SesEmailVerifier verifier(VerificationEmailTemplate template, SendPacer pacer) {
        SesEmailVerifier verifier = new SesEmailVerifier(client, template, pacer);
        opened.add(verifier);
        return verifier;
    }

    SesMailer mailer() {
        return new SesMailer(client, FROM);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) c.close();
        client.close();
        http.close();
        stub.close();
    }
}
