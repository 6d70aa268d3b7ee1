package dev.userpool.app.wiring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Start-up work that runs beside the rest of the start-up, on a thread of its own (the other core of a
 * small machine), and must be done before the service listens: loading the Argon2 engine and making the
 * decoy hash ({@code PasswordHasher.start}). {@code serve} waits for it between building the service and
 * starting its HTTP server, so a failure still stops the start-up before anything is answered.
 */
@Singleton
public final class StartupWork {
    private final List<Runnable> awaits = new CopyOnWriteArrayList<>();

    @Inject
    StartupWork() {}

    /** {@code await} blocks until that work is done, and throws what it failed with. */
    void add(Runnable await) {
        awaits.add(await);
    }

    /** Waits for all of it; throws the first failure. */
    public void await() {
        for (Runnable await : awaits) await.run();
    }
}
