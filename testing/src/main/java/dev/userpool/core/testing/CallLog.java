package dev.userpool.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The names of the port methods a fake was asked to run, in order, so a test can prove a port was not reached. */
final class CallLog {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    void add(String method) {
        calls.add(method);
    }

    List<String> all() {
        return List.copyOf(calls);
    }
}
