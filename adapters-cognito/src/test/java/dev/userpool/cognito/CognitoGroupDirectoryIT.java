package dev.userpool.cognito;

import dev.userpool.core.contract.GroupDirectoryContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.GroupDirectory;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group-directory contract on {@link CognitoGroupDirectory}: on cognito-local (which serves the
 * group operations), or a real pool with {@code -Plive-aws}. Where cognito-local is not AWS the
 * contract test is skipped with the reason; the local pool answers those as AWS does
 * (CognitoAdapterGroupDirectoryOnLocalPoolIT in the app runs this contract there). Seen on cognito-local
 * 5.3.0 besides: an unknown group in a pool that never had a group answers HTTP 500, not
 * ResourceNotFoundException, so the contract asks about unknown groups in a pool that has one.
 */
class CognitoGroupDirectoryIT extends GroupDirectoryContract {
    @RegisterExtension
    static final KnownDifferences DIFFERENCES = new KnownDifferences()
            .emulator("aTakenNameIsGroupExistsAndTheFirstGroupStaysAsItWas",
                    "CreateGroup of a taken name overwrites the group (targets/createGroup: saveGroup without a check); "
                            + "AWS answers GroupExistsException (API_CreateGroup, Errors)")
            .emulator("aUserInAsManyGroupsAsCognitoAllowsJoinsNoMore",
                    "keeps no quota of groups per user; AWS allows 100 (Quotas in Amazon Cognito, resource quotas) "
                            + "and answers LimitExceededException");

    @TempDir
    static Path dataDir;
    static CognitoTestbed bed;
    static CognitoGroupDirectory groups;

    @BeforeAll
    static void open() {
        bed = CognitoTestbed.open(dataDir);
        groups = new CognitoGroupDirectory(bed.client, bed.pool);
    }

    @AfterAll
    static void close() {
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

    @Override
    protected EmailAddress newAddress() {
        return bed.newAddress("grp-");
    }
}
