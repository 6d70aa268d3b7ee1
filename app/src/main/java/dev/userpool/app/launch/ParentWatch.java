package dev.userpool.app.launch;

import java.io.IOException;
import java.io.InputStream;

/**
 * In the service's child JVM: ends the service when the JVM that started it is gone, even killed
 * outright (no signal reaches the child then). The parent holds the child's standard input open and
 * never writes to it; the operating system closes it when the parent dies, and the read here ends.
 */
public final class ParentWatch {
    private ParentWatch() {}

    /** Starts the watch on a daemon thread; {@code parentGone} runs once, when standard input ends. */
    public static void start(InputStream parentPipe, Runnable parentGone) {
        Thread watch = new Thread(() -> {
            try {
                byte[] ignored = new byte[256];
                while (parentPipe.read(ignored) >= 0) {
                    // the parent never writes; anything read is dropped
                }
            } catch (IOException e) {
                // a broken pipe means the same: the parent is gone
            }
            parentGone.run();
        }, "userpool-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
