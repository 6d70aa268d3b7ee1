package dev.userpool.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.userpool.app.config.DataDirectory;
import dev.userpool.app.config.Settings;
import javax.inject.Singleton;

/**
 * The data directory, made owner-only before anything keeps a file in it: the adapters that store
 * there (the embedded database, the DynamoDB spool) take it as a dependency so that it is prepared first.
 */
@Module
public final class DataDirectoryModule {
    private DataDirectoryModule() {}

    @Provides
    @Singleton
    static DataDirectory dataDirectory(Settings settings) {
        return DataDirectory.prepare(settings.dataDir());
    }
}
