package dev.userpool.embedded;

import dev.userpool.core.contract.AuthorizationCodesContract;
import dev.userpool.core.contract.BrowserSessionsContract;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.AuthorizationCodes;
import dev.userpool.core.port.out.BrowserSessions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The contracts of the OAuth stores (issue 15) on {@link SqliteAuthorizationCodes} and {@link SqliteBrowserSessions}. */
class SqliteOAuthStoresContractTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private UserId user;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        user = bed.confirmedUser(EmbeddedTestbed.newAddress()).id();
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Nested
    class Codes extends AuthorizationCodesContract {
        @Override
        protected AuthorizationCodes codes() {
            return new SqliteAuthorizationCodes(bed.db, bed.clock);
        }

        @Override
        protected UserId existingUser() {
            return user;
        }
    }

    @Nested
    class Sessions extends BrowserSessionsContract {
        @Override
        protected BrowserSessions sessions() {
            return new SqliteBrowserSessions(bed.db);
        }

        @Override
        protected UserId existingUser() {
            return user;
        }
    }
}
