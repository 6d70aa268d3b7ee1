package dev.userpool.cognito;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.EmailChangesContract;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address-change contract on {@link CognitoEmailChanges} on cognito-local, with a pool that keeps
 * the original address while a change is pending. cognito-local keeps the pending address and its code,
 * but says the code went to the old address and checks no alias: those contract tests are skipped with
 * the reason, and the tests below check what it does instead. The whole contract also runs against the
 * local pool (app: CognitoAdapterEmailChangesOnLocalPoolIT). On a real pool ({@code -Plive-aws}) it is
 * skipped: its codes go to real mailboxes.
 */
class CognitoEmailChangesIT extends EmailChangesContract {
    private static final String DELIVERY_NAMES_THE_OLD_ADDRESS = "UpdateUserAttributes answers a CodeDeliveryDetailsList "
            + "naming the account's current address (AWS: the new one, where the code goes); see "
            + "theEmulatorKeepsTheOldAddressUntilTheCodeIsProven";

    @RegisterExtension
    static final KnownDifferences DIFFERENCES = new KnownDifferences()
            .emulator("aRequestSendsACodeToTheNewAddressAndTheAccountKeepsItsOwnUntilItIsProven", DELIVERY_NAMES_THE_OLD_ADDRESS)
            .emulator("anAddressAnotherAccountHasIsNotToldAtTheRequest", DELIVERY_NAMES_THE_OLD_ADDRESS)
            .emulator("aResentCodeGoesToThePendingAddressAndProvesIt",
                    "GetUserAttributeVerificationCode answers no CodeDeliveryDetails; see theEmulatorsResentCodeProvesThePendingAddress")
            .emulator("aProvenAddressThatIsAnotherAccountsIsRefusedAndBothAccountsKeepTheirs",
                    "VerifyUserAttribute moves the account to the pending address without checking whether another "
                            + "account has it (AWS: AliasExistsException, in some pools already at UpdateUserAttributes)")
            .emulatorOnly("theEmulatorKeepsTheOldAddressUntilTheCodeIsProven", "checks what cognito-local does in place of the contract test")
            .emulatorOnly("theEmulatorsResentCodeProvesThePendingAddress", "checks what cognito-local does in place of the contract test");

    private static final Password PASSWORD = Password.of("Correct-Horse-9");

    @TempDir
    static Path dataDir;
    static CognitoLocal local;
    static CognitoLocal.Pool made;
    static Adapters adapters;

    /** The adapters on the keep-original pool. */
    record Adapters(CognitoUserDirectory directory, CognitoAuthenticator authenticator,
                                               CognitoEmailChanges changes,
                                               software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient client) {}

    @BeforeAll
    static void open() {
        Assumptions.assumeTrue(CognitoTestbed.onEmulator(), "a real pool emails its codes to real mailboxes, which this test cannot read");
        local = CognitoLocal.start(dataDir);
        made = local.createPoolKeepingOriginalEmail();
        CognitoPool pool = local.cognitoPool(made);
        AppClient app = AppClient.withoutSecret(made.clientId());
        var client = CognitoClients.build(pool, CognitoClients.credentials(pool, false), CognitoClients.Timeouts.defaults());
        adapters = new Adapters(new CognitoUserDirectory(client, pool, app),
                new CognitoAuthenticator(client, pool, app, SignInFlow.USER_PASSWORD_AUTH, Clock.systemUTC()),
                new CognitoEmailChanges(client, pool), client);
    }

    @AfterAll
    static void close() {
        if (adapters != null) adapters.client().close();
        if (local != null) local.close();
    }

    @Override
    protected EmailChanges changes() {
        return adapters.changes();
    }

    @Override
    protected UserDirectory directory() {
        return adapters.directory();
    }

    @Override
    protected Holder signedIn(EmailAddress email, boolean emailVerified) {
        adapters.directory().signUp(email, PASSWORD, false);
        confirmByAdmin(adapters.directory(), email);
        if (emailVerified) local.markVerifiedTheEmulatorsWay(made.userPoolId(), email);
        String token = adapters.authenticator().signIn(email, PASSWORD).tokens().accessToken();
        return new Holder(adapters.directory().find(email).orElseThrow(), token);
    }

    @Override
    protected String lastCodeSentTo(EmailAddress email) {
        return local.attributeVerificationCode(made.userPoolId(), email)
                .orElseThrow(() -> new AssertionError("cognito-local holds no attribute code for " + email));
    }

    @Test
    void theEmulatorKeepsTheOldAddressUntilTheCodeIsProven() {
        EmailAddress old = newAddress();
        EmailAddress next = newAddress();
        Holder me = signedIn(old, true);

        changes().request(me.account(), next, me.accessToken());

        assertThat(directory().find(old)).map(User::emailVerified).contains(true);
        assertThat(directory().find(next)).isEmpty();
        User after = changes().verify(me.account(), ConfirmationCode.parse(lastCodeSentTo(next)), me.accessToken());
        assertThat(after.email()).isEqualTo(next);
        assertThat(after.emailVerified()).isTrue();
    }

    @Test
    void theEmulatorsResentCodeProvesThePendingAddress() {
        EmailAddress next = newAddress();
        Holder me = signedIn(newAddress(), true);
        changes().request(me.account(), next, me.accessToken());

        changes().resendCode(me.account(), me.accessToken());

        assertThat(changes().verify(me.account(), ConfirmationCode.parse(lastCodeSentTo(next)), me.accessToken()).email())
                .isEqualTo(next);
    }
}
