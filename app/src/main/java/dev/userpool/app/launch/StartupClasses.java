package dev.userpool.app.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads the classes a {@code serve} start needs, on a thread of its own, while the main thread is
 * still busy with the first of them. Some 2,600 classes from the jar and 800 from the JDK are loaded
 * before the first answer, one after the other, and loading them (reading, parsing, defining) is about a
 * third of the start-up; the other core of a small machine is mostly idle meanwhile. So this thread goes
 * through the list of them ({@value #LIST}, in the order a start loaded them) and loads each without
 * initialising it: the main thread then finds most of them loaded already, and nothing runs earlier or
 * otherwise than it would have (a static initialiser still runs when the main thread first uses its
 * class). On the 2-core test machine the start-up to the first 200 takes about 0.25 s less without the
 * class-data archive, and the same with it.
 *
 * <p>The list is made by {@code bench/startup-classes.sh} from a start with {@code -Xlog:class+load};
 * a name that no longer exists is skipped, and StartupClassesTest fails when the list names classes the
 * jar no longer has. {@code -Duserpool.startupClasses=off} turns the thread off (the script does, so that
 * the list is what the start itself loads).
 */
public final class StartupClasses {
    static final String LIST = "/META-INF/userpool/startup-classes.txt";
    static final String PROPERTY = "userpool.startupClasses";

    private StartupClasses() {}

    /** Starts loading the listed classes on a daemon thread, unless turned off; returns at once. */
    public static void preload() {
        if ("off".equals(System.getProperty(PROPERTY))) return;
        Thread thread = new Thread(StartupClasses::loadListed, "userpool-startup-classes");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads each class named in the list, in its order; returns how many loaded. */
    static int loadListed() {
        ClassLoader loader = StartupClasses.class.getClassLoader();
        int loaded = 0;
        try (InputStream in = StartupClasses.class.getResourceAsStream(LIST)) {
            if (in == null) return 0;
            BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = names.readLine(); name != null; name = names.readLine()) {
                if (name.isEmpty() || name.startsWith("#")) continue;
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    // gone from this build, or not loadable here: the main thread fares as it would have anyway
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the main thread loads what it needs itself
        }
        return loaded;
    }
}
