package dev.userpool.app.testing;

import java.nio.file.Path;
import java.util.Map;

/** The real server and a headless Chromium on its pages, started and closed together (browser first). */
public record BrowserOnApp(RunningApp app, HeadlessBrowser browser) implements AutoCloseable {

    /** Skips (or, under CI, fails) without Chromium; {@code pages} is the path of the pages under the server's URL. */
    public static BrowserOnApp start(Map<String, String> env, String pages, Path screenshots) {
        HeadlessBrowser.requireChromium();
        RunningApp app = RunningApp.start(env);
        try {
            return new BrowserOnApp(app, HeadlessBrowser.start(app.baseUrl() + pages, screenshots));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            app.close();
        }
    }
}
