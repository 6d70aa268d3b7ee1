package dev.userpool.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.userpool.app.config.Settings;
import dev.userpool.core.testing.InMemoryAuditLog;
import dev.userpool.core.testing.InMemoryUserDirectory;
import java.time.Clock;
import javax.inject.Singleton;

/** The production core and HTTP modules with fake edges: what a service embedding userpool does in its tests. */
@Singleton
@Component(modules = {CoreModule.class, FakeEdgeModule.class, HttpModule.class})
interface FakeEdgeComponent extends AppRuntime {
    InMemoryUserDirectory directory();

    InMemoryAuditLog auditLog();

    FailureSwitch failures();

    @Component.Factory
    interface Factory {
        FakeEdgeComponent create(@BindsInstance Settings settings, @BindsInstance Clock clock);
    }
}
