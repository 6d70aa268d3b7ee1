package dev.userpool.app.wiring;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What an adapter module opened (HTTP client, SDK client, adapter), closed in reverse order on
 * shutdown, so that an adapter flushes or drains through its client before the client goes. Each
 * module has its own subclass, so Dagger keeps one per module.
 */
abstract class OpenedResources implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    synchronized void opened(AutoCloseable resource) {
        opened.push(resource);
    }

    @Override
    public synchronized void close() throws Exception {
        while (!opened.isEmpty()) opened.pop().close();
    }
}
