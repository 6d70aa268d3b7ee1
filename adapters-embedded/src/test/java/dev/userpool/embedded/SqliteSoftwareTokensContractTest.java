package dev.userpool.embedded;

import dev.userpool.core.contract.SoftwareTokensContract;
import dev.userpool.core.domain.MfaMode;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.port.out.SoftwareTokens;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The authenticator-app contract on {@link SqliteSoftwareTokens}. */
class SqliteSoftwareTokensContractTest extends SoftwareTokensContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteSoftwareTokens tokens;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        tokens = SqliteSoftwareTokens.open(bed.db, MfaMode.OPTIONAL, bed.clock);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected SoftwareTokens tokens() {
        return tokens;
    }

    @Override
    protected UserId newAccount() {
        return bed.confirmedUser(EmbeddedTestbed.newAddress()).id();
    }

    @Override
    protected Instant now() {
        return bed.clock.instant();
    }
}
