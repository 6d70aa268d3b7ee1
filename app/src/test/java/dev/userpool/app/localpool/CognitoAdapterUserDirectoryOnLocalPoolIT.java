package dev.userpool.app.localpool;

import dev.userpool.core.contract.UserDirectoryContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.port.out.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user-directory contract on {@link dev.userpool.cognito.CognitoUserDirectory}, its endpoint the embedded app. */
class CognitoAdapterUserDirectoryOnLocalPoolIT extends UserDirectoryContract {
    @RegisterExtension
    static final ContractExceptions AWS = new ContractExceptions()
            .skip("signUpWithoutACodeReportsNoDelivery", "AWS: SignUp emails a code whenever the pool auto-verifies email "
                    + "(API_SignUp) and no request parameter turns it off; the local pool confirms by code like such a pool, "
                    + "and the adapter reports the delivery the pool made");

    static LocalPoolForCognitoAdapter bed;

    @BeforeAll
    static void start() {
        bed = LocalPoolForCognitoAdapter.start();
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.lastCodeSentTo(email);
    }
}
