package dev.userpool.app.cli;

import dev.userpool.app.config.Settings;
import dev.userpool.app.http.ApiServer;
import dev.userpool.app.launch.ServeLock;
import dev.userpool.app.launch.ServiceJvm;
import dev.userpool.app.wiring.AppComponent;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Runs the HTTP service until the process is stopped. */
@Command(name = "serve", description = "Run the HTTP service with its pages (the default).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = Settings.fromEnvironment();
        // Before anything opens the database: a second server on it is refused here, with the holder named.
        // The spool of the AWS mode needs no such lock: each process writes segments of its own, under locks of their own.
        Optional<ServeLock> lock = settings.usesEmbeddedDatabase() ? Optional.of(ServeLock.acquire(settings.dataDir()))
                : Optional.empty();
        AppComponent app = AppComponent.create(settings, Clock.systemUTC());
        ApiServer server = app.server();
        app.startupWork().await();   // what was built beside the rest (the Argon2 engine): done, or the start fails here
        int port = server.start(settings.bindHost(), settings.port());
        app.backgroundWork().start();
        // The hook also keeps the lock reachable for the process's lifetime: a collected channel would release it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.server().stop();
            app.close();
            lock.ifPresent(ServeLock::close);
        }, "userpool-shutdown"));
        URI url = URI.create("http://localhost:" + port + "/");
        // started by the launcher of a plain java -jar: whether the class-data archive was used (ServiceJvm)
        String archive = ServiceJvm.classArchiveNote().map(note -> "; " + note).orElse("");
        LOG.info("userpool is listening on {} (data in {}{})", url, settings.dataDir(), archive);
        spec.commandLine().getOut().println("userpool is listening on " + url);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
