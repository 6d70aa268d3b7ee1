package dev.userpool.cognito;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.contract.UserDirectoryContract;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.out.UserDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-directory contract on {@link CognitoUserDirectory}: on cognito-local, or a real pool with
 * {@code -Plive-aws}. Where cognito-local is not AWS the contract test is skipped with the reason, and
 * a test below checks the rest of what it checks.
 */
class CognitoUserDirectoryIT extends UserDirectoryContract {
    private static final String EMAIL_VERIFIED_ALONE = "AdminUpdateUserAttributes refuses email_verified without email "
            + "in the same call (InvalidParameterException 'Email is required to verify/un-verify an email'); AWS accepts it alone";

    @RegisterExtension
    static final KnownDifferences DIFFERENCES = new KnownDifferences()
            .aws("signUpWithoutACodeReportsNoDelivery",
                    "SignUp emails a code whenever the pool auto-verifies email (AutoVerifiedAttributes; API_SignUp: "
                            + "'sends a confirmation code … to the email address'), and no request parameter turns it off; "
                            + "the adapter reports the delivery Cognito made. signUpOnAPoolThatDoesNotAutoVerifyReportsNoDelivery "
                            + "checks the pool that link verification needs.")
            .emulator("theEmailedCodeConfirmsTheAccountAndVerifiesTheAddress",
                    "ConfirmSignUp leaves email_verified unset (AWS sets it to true when the code went to the email); "
                            + "see theEmailedCodeConfirmsTheAccount")
            .emulator("aConfirmationOfAnAccountConfirmedMeanwhileIsRefused",
                    "answers ExpiredCodeException (it dropped the code); AWS: NotAuthorizedException "
                            + "'User cannot be confirmed. Current status is CONFIRMED'")
            .emulator("aResentCodeReplacesTheOldOne", "does not implement ResendConfirmationCode")
            .emulator("resendingForAConfirmedAccountIsInvalidParameter", "does not implement ResendConfirmationCode")
            .emulator("markingTheAddressVerifiedKeepsTheStatus", EMAIL_VERIFIED_ALONE)
            .emulator("linkCompletionConfirmsTheAccountAndVerifiesTheAddress", EMAIL_VERIFIED_ALONE)
            .emulator("whatADirectoryStoresIsWhatTheTransitionLeft", EMAIL_VERIFIED_ALONE)
            .emulator("everyOperationOnAnUnknownAddressIsUserNotFound",
                    "answers NotAuthorizedException for ConfirmSignUp, AdminConfirmSignUp and AdminUpdateUserAttributes of "
                            + "an unknown user (AWS: UserNotFoundException) and lacks ResendConfirmationCode; see "
                            + "adminCallsOnAnUnknownAddressAreUserNotFound")
            .emulator("listingFiltersByStatusAndVerification",
                    "ConfirmSignUp leaves email_verified unset; see listingFiltersByStatusAndVerificationWhenTheAddressIsMarked")
            .emulatorOnly("theEmailedCodeConfirmsTheAccount", "checks what cognito-local does in place of the contract test")
            .emulatorOnly("adminCallsOnAnUnknownAddressAreUserNotFound", "checks what cognito-local does in place of the contract test")
            .emulatorOnly("listingFiltersByStatusAndVerificationWhenTheAddressIsMarked", "marks addresses the emulator's way")
            .emulatorOnly("signUpOnAPoolThatDoesNotAutoVerifyReportsNoDelivery", "makes a second pool");

    @TempDir
    static Path dataDir;
    static CognitoTestbed bed;

    @BeforeAll
    static void open() {
        bed = CognitoTestbed.open(dataDir);
    }

    @AfterAll
    static void close() {
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

    @Override
    protected EmailAddress newAddress(String localPrefix) {
        return bed.newAddress(localPrefix);
    }

    @Test
    void theEmailedCodeConfirmsTheAccount() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), true);

        confirmByCode(directory(), email, ConfirmationCode.parse(lastCodeSentTo(email)));

        assertThat(directory().find(email).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void adminCallsOnAnUnknownAddressAreUserNotFound() {
        EmailAddress nobody = newAddress();
        User gone = User.signedUp(new UserId(UUID.randomUUID().toString()), nobody, Instant.parse("2030-01-01T00:00:00Z"));

        assertRefused(() -> directory().save(gone.disable()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().save(gone.enable()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().delete(nobody), ErrorCode.USER_NOT_FOUND);
        assertThat(directory().find(nobody)).isEmpty();
    }

    @Test
    void listingFiltersByStatusAndVerificationWhenTheAddressIsMarked() {
        String prefix = "filter-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        EmailAddress unconfirmed = newAddress(prefix);
        EmailAddress byAdmin = newAddress(prefix);
        EmailAddress byCode = newAddress(prefix);
        directory().signUp(unconfirmed, password(), false);
        directory().signUp(byAdmin, password(), false);
        confirmByAdmin(directory(), byAdmin);
        directory().signUp(byCode, password(), true);
        confirmByCode(directory(), byCode, ConfirmationCode.parse(lastCodeSentTo(byCode)));
        bed.emulator().orElseThrow().markVerifiedTheEmulatorsWay(bed.pool.userPoolId(), byCode);   // what AWS's ConfirmSignUp does

        assertThat(listAll(new UserFilter(Optional.of(UserStatus.CONFIRMED), Optional.empty(), Optional.of(prefix))))
                .containsExactlyInAnyOrder(byAdmin, byCode);
        assertThat(listAll(new UserFilter(Optional.of(UserStatus.UNCONFIRMED), Optional.empty(), Optional.of(prefix))))
                .containsExactly(unconfirmed);
        assertThat(listAll(new UserFilter(Optional.empty(), Optional.of(false), Optional.of(prefix))))
                .containsExactlyInAnyOrder(unconfirmed, byAdmin);
        assertThat(listAll(new UserFilter(Optional.of(UserStatus.CONFIRMED), Optional.of(true), Optional.of(prefix))))
                .containsExactly(byCode);
        assertThat(listAll(new UserFilter(Optional.of(UserStatus.UNCONFIRMED), Optional.empty(), Optional.empty())))
                .as("the status filter alone, which Cognito applies").contains(unconfirmed).doesNotContain(byAdmin, byCode);
    }

    @Test
    void signUpOnAPoolThatDoesNotAutoVerifyReportsNoDelivery() {
        CognitoLocal local = bed.emulator().orElseThrow();
        CognitoLocal.Pool made = local.createPool(false, false);
        CognitoPool linkPool = local.cognitoPool(made);
        CognitoUserDirectory linkDirectory = new CognitoUserDirectory(bed.client, linkPool, AppClient.withoutSecret(made.clientId()));
        EmailAddress email = newAddress();

        UserDirectory.SignUpOutcome outcome = linkDirectory.signUp(email, password(), false);

        assertThat(outcome.codeDelivery()).isEmpty();
        assertThat(outcome.user().status()).isEqualTo(UserStatus.UNCONFIRMED);
    }

    private List<EmailAddress> listAll(UserFilter filter) {
        List<EmailAddress> all = new ArrayList<>();
        PageRequest request = PageRequest.first(10);
        for (int pages = 0; pages < 100; pages++) {
            Page<User> page = directory().list(filter, request);
            page.items().forEach(u -> all.add(u.email()));
            if (page.nextCursor().isEmpty()) return all;
            request = new PageRequest(10, page.nextCursor());
        }
        throw new AssertionError("the listing never ended");
    }
}
