package dev.userpool.app.launch;

import java.nio.file.Path;

/** A process of its own that takes the serve lock on a directory, says so, and waits to be killed. */
final class ServeLockHolder {
    static final String LOCKED = "locked";

    private ServeLockHolder() {}

    public static void main(String[] args) throws InterruptedException {
        ServeLock.acquire(Path.of(args[0]));   // held until the process ends: the reference lives on this stack
        System.out.println(LOCKED);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
