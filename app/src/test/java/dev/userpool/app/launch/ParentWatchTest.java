package dev.userpool.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service started by a plain {@code java -jar} runs in a child JVM; when the launching process is
 * killed outright the service must not live on, holding the port and the database.
 */
class ParentWatchTest {

    @Test
    void theServiceEndsWhenItsLauncherIsGone() throws Exception {
        PipedOutputStream launcherEnd = new PipedOutputStream();
        PipedInputStream serviceEnd = new PipedInputStream(launcherEnd);
        CountDownLatch ended = new CountDownLatch(1);
        ParentWatch.start(serviceEnd, ended::countDown);

        assertThat(ended.await(200, TimeUnit.MILLISECONDS)).as("ended while the launcher lives").isFalse();
        launcherEnd.close();   // what the operating system does with the pipe when the launcher dies
        assertThat(ended.await(5, TimeUnit.SECONDS)).as("ended after the launcher died").isTrue();
    }

    @Test
    void nothingIsRelaunchedOutsideAPlainJavaJar() {
        // a test JVM is not started from the jar: the service would run here, as started
        assertThat(ServiceJvm.relaunchableJar(new String[0])).isEmpty();
        assertThat(ServiceJvm.relaunchableJar(new String[] {"users", "list"})).isEmpty();
    }
}
