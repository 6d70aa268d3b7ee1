package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dagger.multibindings.IntoSet;
import dev.userpool.app.config.DataDirectory;
import dev.userpool.app.config.DynamoDbSettings;
import dev.userpool.app.config.Settings;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.dynamodb.AuditLogOptions;
import dev.userpool.dynamodb.AuditTable;
import dev.userpool.dynamodb.DeliveryStatistics;
import dev.userpool.dynamodb.DynamoDbAuditLog;
import dev.userpool.dynamodb.SpoolDrain;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code USERPOOL_AUDIT=dynamodb}: one {@link DynamoDbClient} (a URL-connection HTTP client with
 * explicit timeouts, and few SDK retries: the spool, not the SDK, waits out an outage), the audit
 * table checked or created at start, and the {@link DynamoDbAuditLog}. On shutdown the log flushes
 * what it accepted before the client goes. Nothing here is built unless {@link PortsModule} chooses it.
 */
@Module
public final class DynamoDbModule {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbModule.class);
    private static final Duration TABLE_ACTIVE_TIMEOUT = Duration.ofMinutes(5);

    private DynamoDbModule() {}

    /** What was opened for DynamoDB, closed in reverse order: the log flushes through the client first. */
    static final class DynamoDbResources extends OpenedResources {}

    @Provides
    @Singleton
    static DynamoDbResources dynamoDbResources() {
        return new DynamoDbResources();
    }

    @Provides
    @IntoSet
    static AutoCloseable closeDynamoDb(DynamoDbResources resources) {
        return resources;
    }

    @Provides
    @Singleton
    static DynamoDbSettings dynamoDbSettings(Settings settings) {
        return DynamoDbSettings.from(settings);
    }

    /** Short waits and few attempts: the spool, not the SDK, waits out an outage. */
    static final AwsClients.Limits LIMITS = new AwsClients.Limits(Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(8), 3);

    @Provides
    @Singleton
    static DynamoDbClient dynamoDbClient(DynamoDbSettings dynamo, DynamoDbResources resources) {
        Region region = AwsClients.region(dynamo.region(), dynamo.endpointIsLoopback(), "AWS_REGION is required when"
                + " USERPOOL_AUDIT=dynamodb (or a region in the AWS profile): the Region of the table " + dynamo.table() + ".");
        return AwsClients.build(DynamoDbClient.builder(),
                new AwsClients.Connection(region, dynamo.endpoint(), dynamo.localCredentials(), LIMITS), resources);
    }

    @Provides
    @Singleton
    static DynamoDbAuditLog dynamoDbAuditLog(DynamoDbClient client, DynamoDbSettings dynamo, Clock clock,
                                             DynamoDbResources resources, DataDirectory ownerOnly) {
        // the default spool is in the data directory: owner-only before the spool (0700, files 0600) is made there
        checkedTable(client, dynamo);
        DynamoDbAuditLog log = new DynamoDbAuditLog(client, options(dynamo), clock);
        resources.opened(log);
        LOG.info("Audit trail: DynamoDB table {} ({}), kept {} days, spool in {}", dynamo.table(),
                dynamo.endpoint().map(Object::toString).orElse(dynamo.region().orElse("the SDK's default Region")),
                dynamo.retentionDays(), log.spoolDirectory());
        return log;
    }

    /**
     * {@code audit drain}: the table is checked (or created) as for the audit log, with the same key
     * design, but no spool of this process is opened: the drain reads someone else's.
     */
    @Provides
    @Singleton
    static SpoolDrain spoolDrain(DynamoDbClient client, DynamoDbSettings dynamo, DynamoDbResources resources) {
        checkedTable(client, dynamo);
        SpoolDrain drain = new SpoolDrain(client, options(dynamo));
        resources.opened(drain);
        return drain;
    }

    /** The table checked, or created when the settings say so; what does not match stops the caller. */
    private static void checkedTable(DynamoDbClient client, DynamoDbSettings dynamo) {
        AuditTable table = new AuditTable(client, dynamo.table());
        try {
            if (dynamo.createTable()) table.createIfMissing(TABLE_ACTIVE_TIMEOUT);
            else table.verify();
        } catch (UserPoolException e) {
            throw new UserPoolException(e.code(), e.getMessage() + (dynamo.createTable() ? ""
                    : " (With USERPOOL_DYNAMODB_CREATE_TABLE=true userpool creates the table itself.)"), e);
        }
    }

    /** One key design for every process on the table: the replicas' logs and the drains. */
    private static AuditLogOptions options(DynamoDbSettings dynamo) {
        return AuditLogOptions.defaults(dynamo.table(), dynamo.spoolDir()).withRetention(Duration.ofDays(dynamo.retentionDays()));
    }

    /** The spool and the batching, on /metrics, when DynamoDB holds the audit trail. */
    @Provides
    @ElementsIntoSet
    static Set<MeterBinder> dynamoDbMetrics(Settings settings, Provider<DynamoDbAuditLog> log, Clock clock) {
        if (settings.audit() != Settings.AuditChoice.DYNAMODB) return Set.of();
        return Set.of(registry -> {
            DynamoDbAuditLog audit = log.get();
            Gauge.builder("userpool.audit.spool.backlog", audit, a -> a.spoolBacklog().records())
                    .description("Audit events waiting in this replica's spool for DynamoDB").register(registry);
            Gauge.builder("userpool.audit.spool.backlog.bytes", audit, a -> a.statistics().spoolBacklogBytes())
                    .description("Bytes of audit events waiting in this replica's spool for DynamoDB").register(registry);
            Gauge.builder("userpool.audit.spool.oldest.age", audit,
                            a -> a.spoolBacklog().oldestAge(clock.instant()).toMillis() / 1000.0)
                    .baseUnit("seconds").description("How long the oldest audit event in this replica's spool has waited"
                            + " (0 when none waits)").register(registry);
            counter(registry, audit, "userpool.audit.events.spooled", DeliveryStatistics::eventsSpooled,
                    "Audit events that went to the spool because DynamoDB could not take them");
            counter(registry, audit, "userpool.audit.events.replayed", DeliveryStatistics::eventsReplayed,
                    "Spooled audit events DynamoDB has since taken");
            counter(registry, audit, "userpool.audit.events.written", DeliveryStatistics::eventsWritten,
                    "Audit events DynamoDB acknowledged");
            counter(registry, audit, "userpool.audit.dynamodb.write.requests", DeliveryStatistics::writeRequests,
                    "BatchWriteItem calls sent");
        });
    }

    private static void counter(io.micrometer.core.instrument.MeterRegistry registry, DynamoDbAuditLog audit, String name,
                                ToDoubleFunction<DeliveryStatistics> value, String description) {
        FunctionCounter.builder(name, audit, a -> value.applyAsDouble(a.statistics())).description(description)
                .register(registry);
    }
}
