package dev.userpool.app.localpool;

import dev.userpool.app.config.LocalPoolSettings;
import dev.userpool.app.testing.ApiClient;
import dev.userpool.cognito.CognitoEmailChanges;
import dev.userpool.core.contract.EmailChangesContract;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The address-change contract on {@link CognitoEmailChanges} (UpdateUserAttributes, VerifyUserAttribute,
 * GetUserAttributeVerificationCode through the AWS SDK), its endpoint the embedded app.
 */
class CognitoAdapterEmailChangesOnLocalPoolIT extends EmailChangesContract {
    static LocalPoolForCognitoAdapter bed;
    static CognitoEmailChanges changes;

    @BeforeAll
    static void start() {
        bed = LocalPoolForCognitoAdapter.start();
        changes = new CognitoEmailChanges(bed.client, bed.pool);
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    @Override
    protected EmailChanges changes() {
        return changes;
    }

    @Override
    protected UserDirectory directory() {
        return bed.directory;
    }

    @Override
    protected Holder signedIn(EmailAddress email, boolean emailVerified) {
        if (emailVerified) {
            bed.api.register(email.value());
        } else {
            bed.api.signUp(email.value());
            bed.client.adminConfirmSignUp(b -> b.userPoolId(LocalPoolSettings.DEFAULT_POOL_ID).username(email.value()));
        }
        String token = bed.authenticator.signIn(email, Password.of(ApiClient.PASSWORD)).tokens().accessToken();
        return new Holder(bed.directory.find(email).orElseThrow(), token);
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return bed.lastCodeSentTo(email);
    }
}
