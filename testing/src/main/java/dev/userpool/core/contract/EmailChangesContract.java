package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.port.out.EmailChanges;
import dev.userpool.core.port.out.UserDirectory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailChanges} does: Cognito's address change with "keep original attribute value
 * active when an update is pending". Code lifetimes and attempt limits need a clock the test controls
 * and are the adapters' own tests.
 */
public abstract class EmailChangesContract {

    /** A signed-in account and its access token. */
    public record Holder(User account, String accessToken) {
        @Override
        public String toString() {
            return "Holder[" + account + ", accessToken=***]";
        }
    }

    protected abstract EmailChanges changes();

    /** The directory the accounts live in, to read them back. */
    protected abstract UserDirectory directory();

    /** A new confirmed account at {@code email}, its address verified or not, signed in. */
    protected abstract Holder signedIn(EmailAddress email, boolean emailVerified);

    /** The address-change code last emailed to {@code email}, read however this adapter's mail can be read. */
    protected abstract String lastCodeSentTo(EmailAddress email);

    protected EmailAddress newAddress() {
        return new EmailAddress("change-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    private ConfirmationCode codeSentTo(EmailAddress email) {
        return ConfirmationCode.parse(lastCodeSentTo(email));
    }

    private static ConfirmationCode otherThan(ConfirmationCode code) {
        String c = code.reveal();
        char first = c.charAt(0) == '9' ? '0' : (char) (c.charAt(0) + 1);
        return ConfirmationCode.parse(first + c.substring(1));
    }

    @Test
    void aRequestSendsACodeToTheNewAddressAndTheAccountKeepsItsOwnUntilItIsProven() {
        EmailAddress old = newAddress();
        EmailAddress next = newAddress();
        Holder me = signedIn(old, true);

        CodeDelivery delivery = changes().request(me.account(), next, me.accessToken());

        assertThat(delivery).isEqualTo(CodeDelivery.email(next));
        assertThat(lastCodeSentTo(next)).isNotBlank();
        User still = directory().find(old).orElseThrow();
        assertThat(still.emailVerified()).isTrue();
        assertThat(directory().find(next)).isEmpty();
    }

    @Test
    void theProvenCodeMovesTheAccountToTheNewAddressVerified() {
        EmailAddress old = newAddress();
        EmailAddress next = newAddress();
        Holder me = signedIn(old, true);
        changes().request(me.account(), next, me.accessToken());

        User after = changes().verify(me.account(), codeSentTo(next), me.accessToken());

        assertThat(after.id()).isEqualTo(me.account().id());
        assertThat(after.email()).isEqualTo(next);
        assertThat(after.emailVerified()).isTrue();
        assertThat(directory().find(next)).map(User::id).contains(me.account().id());
        assertThat(directory().find(old)).isEmpty();
    }

    @Test
    void aWrongCodeChangesNothing() {
        EmailAddress old = newAddress();
        EmailAddress next = newAddress();
        Holder me = signedIn(old, true);
        changes().request(me.account(), next, me.accessToken());

        assertRefused(() -> changes().verify(me.account(), otherThan(codeSentTo(next)), me.accessToken()),
                ErrorCode.CODE_MISMATCH);

        assertThat(directory().find(old)).map(User::emailVerified).contains(true);
        assertThat(directory().find(next)).isEmpty();
    }

    @Test
    void aCodeWorksOnce() {
        Holder me = signedIn(newAddress(), true);
        EmailAddress next = newAddress();
        changes().request(me.account(), next, me.accessToken());
        ConfirmationCode code = codeSentTo(next);
        User after = changes().verify(me.account(), code, me.accessToken());

        assertRefused(() -> changes().verify(after, code, me.accessToken()), ErrorCode.CODE_MISMATCH);
    }

    @Test
    void aNewRequestReplacesThePendingAddressAndItsCode() {
        EmailAddress old = newAddress();
        EmailAddress first = newAddress();
        EmailAddress second = newAddress();
        Holder me = signedIn(old, true);
        changes().request(me.account(), first, me.accessToken());
        ConfirmationCode firstCode = codeSentTo(first);
        changes().request(me.account(), second, me.accessToken());
        ConfirmationCode secondCode = codeSentTo(second);

        if (!firstCode.equals(secondCode)) {
            assertRefused(() -> changes().verify(me.account(), firstCode, me.accessToken()), ErrorCode.CODE_MISMATCH);
        }
        User after = changes().verify(me.account(), secondCode, me.accessToken());

        assertThat(after.email()).isEqualTo(second);
        assertThat(directory().find(first)).isEmpty();
    }

    @Test
    void aResentCodeGoesToThePendingAddressAndProvesIt() {
        EmailAddress next = newAddress();
        Holder me = signedIn(newAddress(), true);
        changes().request(me.account(), next, me.accessToken());

        CodeDelivery delivery = changes().resendCode(me.account(), me.accessToken());

        assertThat(delivery).isEqualTo(CodeDelivery.email(next));
        assertThat(changes().verify(me.account(), codeSentTo(next), me.accessToken()).email()).isEqualTo(next);
    }

    @Test
    void withNothingPendingAResentCodeGoesToTheOwnAddressAndVerifiesIt() {
        EmailAddress own = newAddress();
        Holder me = signedIn(own, false);

        CodeDelivery delivery = changes().resendCode(me.account(), me.accessToken());
        User after = changes().verify(me.account(), codeSentTo(own), me.accessToken());

        assertThat(delivery).isEqualTo(CodeDelivery.email(own));
        assertThat(after.email()).isEqualTo(own);
        assertThat(after.emailVerified()).isTrue();
        assertThat(directory().find(own)).map(User::emailVerified).contains(true);
    }

    @Test
    void anAddressAnotherAccountHasIsNotToldAtTheRequest() {
        EmailAddress taken = newAddress();
        signedIn(taken, true);
        Holder me = signedIn(newAddress(), true);

        CodeDelivery delivery = changes().request(me.account(), taken, me.accessToken());

        assertThat(delivery).isEqualTo(CodeDelivery.email(taken));
    }

    @Test
    void aProvenAddressThatIsAnotherAccountsIsRefusedAndBothAccountsKeepTheirs() {
        EmailAddress mine = newAddress();
        EmailAddress taken = newAddress();
        Holder other = signedIn(taken, true);
        Holder me = signedIn(mine, true);
        changes().request(me.account(), taken, me.accessToken());

        assertRefused(() -> changes().verify(me.account(), codeSentTo(taken), me.accessToken()), ErrorCode.USERNAME_EXISTS);

        assertThat(directory().find(mine)).map(User::id).contains(me.account().id());
        assertThat(directory().find(taken)).map(User::id).contains(other.account().id());
    }

    @Test
    void theOldAddressIsFreeForANewAccountOnceTheChangeIsDone() {
        EmailAddress old = newAddress();
        EmailAddress next = newAddress();
        Holder me = signedIn(old, true);
        changes().request(me.account(), next, me.accessToken());
        changes().verify(me.account(), codeSentTo(next), me.accessToken());

        Holder newcomer = signedIn(old, true);

        assertThat(newcomer.account().id()).isNotEqualTo(me.account().id());
        assertThat(directory().find(next)).map(User::id).contains(me.account().id());
    }
}
