package dev.userpool.app.wiring;

import dev.userpool.app.config.Settings;
import dev.userpool.embedded.OutboxDelivery;
import javax.inject.Inject;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * What the service does besides answering requests: with {@code USERPOOL_EMAIL=smtp}, delivering the
 * outbox. Only {@code serve} starts it, so that a CLI command on the same data directory never sends
 * (what it queues, the running service delivers).
 */
@Singleton
public final class BackgroundWork {
    private final Settings settings;
    private final Provider<OutboxDelivery> delivery;

    @Inject
    BackgroundWork(Settings settings, Provider<OutboxDelivery> delivery) {
        this.settings = settings;
        this.delivery = delivery;
    }

    public void start() {
        if (settings.email() == Settings.EmailChoice.SMTP) delivery.get().start();
    }
}
