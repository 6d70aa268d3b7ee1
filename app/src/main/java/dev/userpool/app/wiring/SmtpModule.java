package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.userpool.app.config.InvalidSettingsException;
import dev.userpool.app.config.Settings;
import dev.userpool.app.config.SmtpSettings;
import dev.userpool.core.port.out.MailTransport;
import dev.userpool.embedded.OutboxDelivery;
import dev.userpool.embedded.OutboxQueue;
import dev.userpool.smtp.SmtpLogin;
import dev.userpool.smtp.SmtpRelay;
import dev.userpool.smtp.SmtpTransport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code USERPOOL_EMAIL=smtp}: the {@link SmtpTransport} and the {@link OutboxDelivery} that hands it
 * the outbox's pending messages. The delivery is closed before the database (it is opened on the
 * embedded resources), and started only by {@link BackgroundWork}. Nothing here is built unless
 * {@link PortsModule} chooses SMTP.
 */
@Module
public final class SmtpModule {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpModule.class);

    private SmtpModule() {}

    @Provides
    @Singleton
    static SmtpSettings smtpSettings(Settings settings) {
        if (settings.email() != Settings.EmailChoice.SMTP) {
            throw new InvalidSettingsException("The SMTP settings are read only with USERPOOL_EMAIL=smtp.");
        }
        return SmtpSettings.from(settings);
    }

    @Provides
    @Singleton
    static MailTransport smtpTransport(SmtpSettings smtp, Clock clock) {
        SmtpRelay relay = relay(smtp);
        LOG.info("Email: over SMTP to {} from {}", relay, smtp.from());
        return new SmtpTransport(relay, smtp.from(), clock);
    }

    /** The plain settings as the SMTP adapter's relay (config knows no adapter). */
    static SmtpRelay relay(SmtpSettings smtp) {
        SmtpRelay.Security security = switch (smtp.security()) {
            case STARTTLS -> SmtpRelay.Security.STARTTLS;
            case TLS -> SmtpRelay.Security.TLS;
            case NONE -> SmtpRelay.Security.NONE;
        };
        return SmtpRelay.of(smtp.host(), smtp.port(), security, smtp.login().map(l -> new SmtpLogin(l.username(), l.password())));
    }

    @Provides
    @Singleton
    static OutboxDelivery outboxDelivery(OutboxQueue queue, MailTransport transport, SmtpSettings smtp, Clock clock,
                                         EmbeddedEdgeModule.EmbeddedResources resources) {
        OutboxDelivery delivery = new OutboxDelivery(queue, transport, clock,
                OutboxDelivery.Options.defaults().withRetry(smtp.retryFirst(), smtp.retryMax()));
        resources.opened(delivery);
        return delivery;
    }

    /** Delivery on /metrics: what this process sent, what servers refused or deferred, and what waits. */
    @Provides
    @ElementsIntoSet
    static Set<MeterBinder> smtpMetrics(Settings settings, Provider<OutboxDelivery> delivery, Provider<OutboxQueue> queue) {
        if (settings.email() != Settings.EmailChoice.SMTP) return Set.of();
        return Set.of(registry -> {
            OutboxDelivery sender = delivery.get();
            counter(registry, sender, "userpool.mail.sent", OutboxDelivery.Statistics::sent,
                    "Messages an SMTP server accepted");
            counter(registry, sender, "userpool.mail.failed", OutboxDelivery.Statistics::failed,
                    "Messages an SMTP server refused for good (5xx); kept as failed until 'userpool mail retry'");
            counter(registry, sender, "userpool.mail.deferred", OutboxDelivery.Statistics::deferred,
                    "Attempts that will be tried again (no connection, 4xx, refused login)");
            Gauge.builder("userpool.mail.queued", queue.get(), OutboxQueue::pending)
                    .description("Messages in the outbox waiting for an SMTP server to accept them").register(registry);
        });
    }

    private static void counter(MeterRegistry registry, OutboxDelivery delivery, String name,
                                ToDoubleFunction<OutboxDelivery.Statistics> value, String description) {
        FunctionCounter.builder(name, delivery, d -> value.applyAsDouble(d.statistics())).description(description)
                .register(registry);
    }
}
