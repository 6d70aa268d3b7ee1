package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dagger.multibindings.IntoSet;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.DynamoDbSettings;
import dev.userpool.app.config.SesSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.dynamodb.DynamoDbAuditLog;
import dev.userpool.dynamodb.PacingSchedule;
import dev.userpool.ses.SendPacer;
import dev.userpool.ses.SesEmailVerifier;
import dev.userpool.ses.SesMailer;
import dev.userpool.ses.SharedSchedule;
import dev.userpool.ses.VerificationEmailTemplate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * {@code USERPOOL_EMAIL=ses}: the SES v2 client (one URL-connection HTTP client with explicit
 * timeouts), the {@link SesMailer}, and the {@link SesEmailVerifier} with the template the app ships in
 * {@code ses/} on its class path. With {@code USERPOOL_VERIFICATION=link} the template is brought in
 * line with SES at start. Nothing here is built unless {@link PortsModule} chooses SES.
 */
@Module
public final class SesModule {
    private static final Logger LOG = LoggerFactory.getLogger(SesModule.class);
    static final String SUBJECT_FILE = "ses/verification-subject.txt";
    static final String CONTENT_FILE = "ses/verification-email.html";

    private SesModule() {}

    /** What was opened for SES, closed in reverse order: the verifier drains its queue before the client goes. */
    static final class SesResources extends OpenedResources {}

    @Provides
    @Singleton
    static SesResources sesResources() {
        return new SesResources();
    }

    @Provides
    @IntoSet
    static AutoCloseable closeSes(SesResources resources) {
        return resources;
    }

    @Provides
    @Singleton
    static SesSettings sesSettings(Settings settings) {
        return SesSettings.from(settings);
    }

    /** Generous waits: a verification email that leaves late is better than one that never leaves. */
    static final AwsClients.Limits LIMITS = new AwsClients.Limits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 3);

    @Provides
    @Singleton
    static SesV2Client sesClient(SesSettings ses, SesResources resources) {
        Region region = AwsClients.region(ses.region(), ses.endpointIsLoopback(), "AWS_REGION is required when"
                + " USERPOOL_EMAIL=ses (or a region in the AWS profile): the Region whose SES account sends the email.");
        return AwsClients.build(SesV2Client.builder(),
                new AwsClients.Connection(region, ses.endpoint(), ses.localCredentials(), LIMITS), resources);
    }

    @Provides
    @Singleton
    static SesMailer sesMailer(SesV2Client client, SesSettings ses) {
        return new SesMailer(client, ses.from());
    }

    @Provides
    @Singleton
    static SesEmailVerifier sesEmailVerifier(SesV2Client client, SesSettings ses, Settings settings, SendPacer pacer,
                                             SesResources resources) {
        VerificationEmailTemplate template = verificationTemplate(ses, resource(SUBJECT_FILE).strip(), resource(CONTENT_FILE));
        SesEmailVerifier verifier = new SesEmailVerifier(client, template, pacer);
        resources.opened(verifier);
        if (settings.verification() == Settings.VerificationChoice.LINK) {
            SesEmailVerifier.TemplateSync sync = verifier.syncTemplate();
            LOG.info("SES custom verification template '{}': {}", template.name(), sync);
        }
        return verifier;
    }

    /**
     * The pace of SES's once-a-second operations. With the audit trail in DynamoDB it is the account's,
     * shared by every replica through one item in the audit table (created or checked with the audit
     * log); otherwise this process's alone.
     */
    @Provides
    @Singleton
    static SendPacer sendPacer(SesSettings ses, Settings settings, Clock clock, Provider<DynamoDbAuditLog> auditLog,
                               Provider<DynamoDbClient> dynamo, Provider<DynamoDbSettings> dynamoSettings,
                               SesResources resources) {
        Optional<SharedSchedule> shared = Optional.empty();
        if (settings.audit() == Settings.AuditChoice.DYNAMODB) {
            auditLog.get();   // the table exists and is checked before the schedule keeps its item there
            PacingSchedule schedule = new PacingSchedule(dynamo.get(), dynamoSettings.get().table(), PACING_SCHEDULE, clock);
            shared = Optional.of(schedule::reserve);
            LOG.info("SES pacing: {} calls per second for the account, shared through the DynamoDB table {} (alone at {}"
                    + " of it while DynamoDB cannot be reached)", ses.ratePerSecond(), dynamoSettings.get().table(),
                    ses.fallbackShare());
        }
        SendPacer pacer = new SendPacer(ses.ratePerSecond(), ses.queueCapacity(), clock, SendPacer.Sleeper.threadSleep(),
                shared, ses.fallbackShare());
        resources.opened(pacer);   // stopped even if no verifier was built (the verifier, closed first, drains it)
        return pacer;
    }

    /** The schedule's name in the audit table: one per rate-limited family of SES calls. */
    static final String PACING_SCHEDULE = "ses-custom-verification";

    /**
     * How this replica paces SES, on /metrics: {@code userpool_ses_pacing{mode="local"} 1} and the rate
     * it paces at ({@code local}: this process alone, so each replica must be given its share).
     */
    @Provides
    @ElementsIntoSet
    static Set<MeterBinder> sesMetrics(Settings settings, Provider<SendPacer> pacer) {
        if (settings.email() != Settings.EmailChoice.SES) return Set.of();
        return Set.of(registry -> {
            SendPacer p = pacer.get();
            for (SendPacer.Mode mode : SendPacer.Mode.values()) {
                Gauge.builder("userpool.ses.pacing", p, x -> x.mode() == mode ? 1 : 0).tag("mode", PortsModule.pacingMode(mode))
                        .description("How SES's rate-limited sends are paced: 1 for the mode in use").register(registry);
            }
            Gauge.builder("userpool.ses.pacing.rate", p, SendPacer::ratePerSecond)
                    .description("SES sends per second: the account's when shared, this replica's when alone").register(registry);
        });
    }

    /** The shipped template with the settings; content SES would refuse stops start-up, naming the problem. */
    public static VerificationEmailTemplate verificationTemplate(SesSettings ses, String subject, String html) {
        try {
            return new VerificationEmailTemplate(ses.templateName(), ses.from(), subject, html, ses.successRedirect(),
                    ses.failureRedirect());
        } catch (UserPoolException e) {
            throw new InvalidSettingsException(e.getMessage() + " (The template comes from " + SUBJECT_FILE + " and "
                    + CONTENT_FILE + " in the app, with USERPOOL_SES_TEMPLATE, USERPOOL_SES_FROM and USERPOOL_BASE_URL.)");
        }
    }

    private static String resource(String name) {
        try (InputStream in = SesModule.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("The app has no " + name + " on its class path.");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }
}
