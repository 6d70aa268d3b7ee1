package dev.userpool.app.localpool;

import dev.userpool.cognito.CognitoGroupDirectory;
import dev.userpool.core.contract.GroupDirectoryContract;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The group-directory contract on {@link CognitoGroupDirectory}, its endpoint the embedded app: the
 * Cognito adapter through the local pool's group operations, where cognito-local falls short of AWS
 * (a taken name, the quota of groups per user) included.
 */
class CognitoAdapterGroupDirectoryOnLocalPoolIT extends GroupDirectoryContract {
    static LocalPoolForCognitoAdapter bed;
    static CognitoGroupDirectory groups;

    @BeforeAll
    static void start() {
        bed = LocalPoolForCognitoAdapter.start();
        groups = new CognitoGroupDirectory(bed.client, bed.pool);
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    @Override
    protected GroupDirectory groups() {
        return groups;
    }

    @Override
    protected UserDirectory users() {
        return bed.directory;
    }
}
