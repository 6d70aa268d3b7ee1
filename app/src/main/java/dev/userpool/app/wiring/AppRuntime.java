package dev.userpool.app.wiring;

import dev.userpool.app.http.ApiServer;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import java.util.Set;

/** What a built component hands out; test components expose the same. */
public interface AppRuntime extends AutoCloseable {
    ApiServer server();

    Administration administration();

    /** The pool's attribute schema and what may be read and written of it. */
    dev.userpool.core.port.in.AccountAttributes accountAttributes();

    AuditQueries auditQueries();

    /** What must be closed on shutdown, such as the database. */
    Set<AutoCloseable> resources();

    @Override
    default void close() {
        for (AutoCloseable resource : resources()) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(AppRuntime.class).warn("Could not close {}", resource, e);
            }
        }
    }
}
