package dev.userpool.core.contract;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static dev.userpool.core.testing.DirectoryTransitions.enable;
import static dev.userpool.core.testing.DirectoryTransitions.verifyEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributeDataType;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.port.out.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link UserDirectory} does: Cognito's account life cycle and errors. */
public abstract class UserDirectoryContract {

    protected abstract UserDirectory directory();

    /** The confirmation code the directory last emailed to {@code email}, read however this adapter's mail can be read. */
    protected abstract String lastCodeSentTo(EmailAddress email);

    /** An address no account has; addresses share {@code localPrefix} so a listing can find just them. */
    protected EmailAddress newAddress(String localPrefix) {
        return new EmailAddress(localPrefix + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    protected EmailAddress newAddress() {
        return newAddress("contract-");
    }

    protected Password password() {
        return Password.of("Correct-Horse-9");
    }

    private ConfirmationCode codeSentTo(EmailAddress email) {
        return ConfirmationCode.parse(lastCodeSentTo(email));
    }

    /** A well-formed code that is not {@code code}. */
    private static ConfirmationCode otherThan(String code) {
        char first = code.charAt(0) == '9' ? '0' : (char) (code.charAt(0) + 1);
        return ConfirmationCode.parse(first + code.substring(1));
    }

    @Test
    void signUpCreatesAnUnconfirmedAccountWithAnUnverifiedAddress() {
        EmailAddress email = newAddress();
        User user = directory().signUp(email, password(), true).user();

        assertThat(user.email()).isEqualTo(email);
        assertThat(user.status()).isEqualTo(UserStatus.UNCONFIRMED);
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.enabled()).isTrue();
        assertThat(directory().find(email)).contains(user);
    }

    @Test
    void signUpWithACodeSaysWhereItWentMasked() {
        EmailAddress email = newAddress();
        Optional<CodeDelivery> delivery = directory().signUp(email, password(), true).codeDelivery();

        assertThat(delivery).contains(CodeDelivery.email(email));
        assertThat(delivery.orElseThrow().destination()).doesNotContain(email.value());
        assertThat(lastCodeSentTo(email)).matches("\\d{6}");
    }

    @Test
    void signUpWithoutACodeReportsNoDelivery() {
        assertThat(directory().signUp(newAddress(), password(), false).codeDelivery()).isEmpty();
    }

    @Test
    void eachAccountHasItsOwnStableId() {
        User a = directory().signUp(newAddress(), password(), false).user();
        User b = directory().signUp(newAddress(), password(), false).user();

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(directory().findById(a.id())).contains(a);
    }

    @Test
    void aSecondSignUpOfAnAddressIsUsernameExistsWhateverItsCase() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), false);

        EmailAddress shouted = new EmailAddress(email.value().toUpperCase(java.util.Locale.ROOT));
        var e = assertRefused(() -> directory().signUp(shouted, password(), false), ErrorCode.USERNAME_EXISTS);
        assertThat(e.getMessage()).isEqualTo("An account with the given email already exists.");
    }

    @Test
    void theEmailedCodeConfirmsTheAccountAndVerifiesTheAddress() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), true);

        confirmByCode(directory(), email, codeSentTo(email));

        User user = directory().find(email).orElseThrow();
        assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(user.emailVerified()).isTrue();
    }

    @Test
    void aWrongCodeIsCodeMismatchAndChangesNothing() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), true);

        var e = assertRefused(() -> confirmByCode(directory(), email, otherThan(lastCodeSentTo(email))),
                ErrorCode.CODE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("Invalid verification code provided, please try again.");
        assertThat(directory().find(email).orElseThrow().status()).isEqualTo(UserStatus.UNCONFIRMED);
    }

    /**
     * The core decides a confirmation from the account it read; a directory never stores one for an
     * account that has moved on since. Cognito refuses it as NotAuthorized, a directory that compares
     * states as TooManyRequests (the account changed meanwhile).
     */
    @Test
    void aConfirmationOfAnAccountConfirmedMeanwhileIsRefused() {
        EmailAddress email = newAddress();
        User unconfirmed = directory().signUp(email, password(), true).user();
        ConfirmationCode code = codeSentTo(email);
        User.Transition confirmation = unconfirmed.confirm(ConfirmationMethod.CODE);
        directory().confirmSignUp(confirmation, code);

        assertThat(refusal(() -> directory().confirmSignUp(confirmation, code)))
                .isIn(ErrorCode.NOT_AUTHORIZED, ErrorCode.TOO_MANY_REQUESTS);
        assertThat(directory().find(email)).contains(confirmation.after());
    }

    @Test
    void aResentCodeReplacesTheOldOne() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), true);
        String old = lastCodeSentTo(email);

        assertThat(directory().resendConfirmationCode(email)).isEqualTo(CodeDelivery.email(email));
        String fresh = lastCodeSentTo(email);
        assumeThat(fresh).as("a new random code (equal by a one-in-a-million chance)").isNotEqualTo(old);

        assertRefused(() -> confirmByCode(directory(), email, ConfirmationCode.parse(old)), ErrorCode.CODE_MISMATCH);
        confirmByCode(directory(), email, ConfirmationCode.parse(fresh));
        assertThat(directory().find(email).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
    }

    @Test
    void resendingForAConfirmedAccountIsInvalidParameter() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), true);
        confirmByCode(directory(), email, codeSentTo(email));

        assertRefused(() -> directory().resendConfirmationCode(email), ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void adminConfirmationLeavesTheAddressUnverified() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), false);

        confirmByAdmin(directory(), email);

        User user = directory().find(email).orElseThrow();
        assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(user.emailVerified()).isFalse();
    }

    @Test
    void anAdminConfirmationOfAnAccountConfirmedMeanwhileIsRefused() {
        EmailAddress email = newAddress();
        User unconfirmed = directory().signUp(email, password(), false).user();
        User confirmed = confirmByAdmin(directory(), email);

        assertThat(refusal(() -> directory().save(unconfirmed.confirm(ConfirmationMethod.ADMIN))))
                .isIn(ErrorCode.NOT_AUTHORIZED, ErrorCode.TOO_MANY_REQUESTS);
        assertThat(directory().find(email)).contains(confirmed);
    }

    @Test
    void linkCompletionConfirmsTheAccountAndVerifiesTheAddress() {
        EmailAddress email = newAddress();
        User unconfirmed = directory().signUp(email, password(), false).user();

        directory().save(unconfirmed.completeLinkVerification());

        User user = directory().find(email).orElseThrow();
        assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
        assertThat(user.emailVerified()).isTrue();
    }

    @Test
    void whatADirectoryStoresIsWhatTheTransitionLeft() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), false);

        User confirmed = confirmByAdmin(directory(), email);
        assertThat(directory().find(email)).contains(confirmed);
        User disabled = disable(directory(), email);
        assertThat(directory().find(email)).contains(disabled);
        User verified = verifyEmail(directory(), email);
        assertThat(directory().find(email)).contains(verified);
        User enabled = enable(directory(), email);
        assertThat(directory().find(email)).contains(enabled);
        assertThat(enabled).isEqualTo(new User(confirmed.id(), email, UserStatus.CONFIRMED, true, true, confirmed.createdAt(), confirmed.attributes()));
    }

    @Test
    void markingTheAddressVerifiedKeepsTheStatus() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), false);

        verifyEmail(directory(), email);

        User user = directory().find(email).orElseThrow();
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.status()).isEqualTo(UserStatus.UNCONFIRMED);
    }

    @Test
    void anUnknownAccountIsAbsentFromLookups() {
        assertThat(directory().find(newAddress())).isEmpty();
        assertThat(directory().findById(new UserId(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void everyOperationOnAnUnknownAddressIsUserNotFound() {
        EmailAddress nobody = newAddress();
        ConfirmationCode code = ConfirmationCode.parse("123456");
        // an account as the core might have read it just before it was deleted
        User gone = User.signedUp(new UserId(UUID.randomUUID().toString()), nobody, Instant.parse("2030-01-01T00:00:00Z"));

        var e = assertRefused(() -> directory().confirmSignUp(gone.confirm(ConfirmationMethod.CODE), code),
                ErrorCode.USER_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("User does not exist.");
        assertRefused(() -> directory().resendConfirmationCode(nobody), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().save(gone.confirm(ConfirmationMethod.ADMIN)), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().save(gone.verifyEmail()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().save(gone.disable()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().save(gone.enable()), ErrorCode.USER_NOT_FOUND);
        assertRefused(() -> directory().delete(nobody), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void disableAndEnableToggleTheAccount() {
        EmailAddress email = newAddress();
        directory().signUp(email, password(), false);

        disable(directory(), email);
        assertThat(directory().find(email).orElseThrow().enabled()).isFalse();
        enable(directory(), email);
        assertThat(directory().find(email).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aDeletedAccountIsGoneAndItsAddressFree() {
        EmailAddress email = newAddress();
        UserId id = directory().signUp(email, password(), false).user().id();

        directory().delete(email);

        assertThat(directory().find(email)).isEmpty();
        assertThat(directory().findById(id)).isEmpty();
        assertThat(directory().signUp(email, password(), false).user().id()).isNotEqualTo(id);
    }

    @Test
    void listingPagesThroughEveryMatchOnceInAStableOrder() {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<EmailAddress> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            EmailAddress email = newAddress(prefix);
            directory().signUp(email, password(), false);
            created.add(email);
        }
        UserFilter mine = new UserFilter(Optional.empty(), Optional.empty(), Optional.of(prefix));

        List<EmailAddress> first = listAll(mine, 2);
        List<EmailAddress> again = listAll(mine, 2);

        assertThat(first).containsExactlyInAnyOrderElementsOf(created);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void listingFiltersByStatusAndVerification() {
        String prefix = "filter-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        EmailAddress unconfirmed = newAddress(prefix);
        EmailAddress byAdmin = newAddress(prefix);
        EmailAddress byCode = newAddress(prefix);
        directory().signUp(unconfirmed, password(), false);
        directory().signUp(byAdmin, password(), false);
        confirmByAdmin(directory(), byAdmin);
        directory().signUp(byCode, password(), true);
        confirmByCode(directory(), byCode, codeSentTo(byCode));

        assertThat(listAll(new UserFilter(Optional.of(UserStatus.CONFIRMED), Optional.empty(), Optional.of(prefix)), 10))
                .containsExactlyInAnyOrder(byAdmin, byCode);
        assertThat(listAll(new UserFilter(Optional.of(UserStatus.UNCONFIRMED), Optional.empty(), Optional.of(prefix)), 10))
                .containsExactly(unconfirmed);
        assertThat(listAll(new UserFilter(Optional.empty(), Optional.of(false), Optional.of(prefix)), 10))
                .containsExactlyInAnyOrder(unconfirmed, byAdmin);
        assertThat(listAll(new UserFilter(Optional.of(UserStatus.CONFIRMED), Optional.of(true), Optional.of(prefix)), 10))
                .containsExactly(byCode);
    }

    // issue 13, attributes: the directory keeps what the core decided, and filters on it.

    @Test
    void signUpKeepsTheAttributesGivenAndEveryReadShowsThem() {
        EmailAddress email = newAddress();
        UserAttributes given = UserAttributes.of(Map.of("name", "Ada Lovelace", "given_name", "Ada", "birthdate", "1815-12-10"));
        User user = directory().signUp(email, password(), given, false).user();

        assertThat(user.attributes()).isEqualTo(given);
        assertThat(directory().find(email).orElseThrow().attributes()).isEqualTo(given);
        assertThat(directory().findById(user.id()).orElseThrow().attributes()).isEqualTo(given);
    }

    @Test
    void anAttributeChangeIsStoredAndADeletionRemovesOnlyWhatItNames() {
        EmailAddress email = newAddress();
        User user = directory().signUp(email, password(), UserAttributes.of(Map.of("name", "Ada")), false).user();

        User.Transition update = user.updateAttributes(Map.of("name", "Ada King", "nickname", "Countess"));
        directory().save(update);
        assertThat(directory().find(email).orElseThrow().attributes())
                .isEqualTo(UserAttributes.of(Map.of("name", "Ada King", "nickname", "Countess")));

        directory().save(update.after().deleteAttributes(List.of("nickname")));
        User after = directory().find(email).orElseThrow();
        assertThat(after.attributes()).isEqualTo(UserAttributes.of(Map.of("name", "Ada King")));
        assertThat(after.status()).isEqualTo(UserStatus.UNCONFIRMED);
    }

    @Test
    void listingFiltersOnAnAttributeByValueAndByPrefix() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        EmailAddress grace = newAddress();
        EmailAddress gracie = newAddress();
        EmailAddress other = newAddress();
        directory().signUp(grace, password(), UserAttributes.of(Map.of("family_name", "Hopper" + tag)), false);
        directory().signUp(gracie, password(), UserAttributes.of(Map.of("family_name", "Hopper" + tag + "-Jones")), false);
        directory().signUp(other, password(), UserAttributes.of(Map.of("given_name", "Hopper" + tag)), false);

        assertThat(listAll(UserFilter.attribute("family_name", "Hopper" + tag, false), 10)).containsExactly(grace);
        assertThat(listAll(UserFilter.attribute("family_name", "Hopper" + tag, true), 1))
                .containsExactlyInAnyOrder(grace, gracie);
    }

    @Test
    void customAttributesAreAddedOnceAndKeptInOrder() {
        String a = "c" + UUID.randomUUID().toString().substring(0, 8);
        String b = "n" + UUID.randomUUID().toString().substring(0, 8);
        AttributeDefinition text = AttributeDefinition.custom(a, AttributeDataType.STRING, true, Optional.of(1L), Optional.of(40L));
        AttributeDefinition number = AttributeDefinition.custom(b, AttributeDataType.NUMBER, false, Optional.of(0L), Optional.of(150L));
        directory().addCustomAttributes(List.of(text, number));

        List<AttributeDefinition> custom = directory().customAttributes();
        assertThat(custom).containsSubsequence(text, number);
        assertRefused(() -> directory().addCustomAttributes(List.of(text)), ErrorCode.INVALID_PARAMETER);
        assertThat(directory().customAttributes()).hasSameSizeAs(custom);

        EmailAddress email = newAddress();
        UserAttributes given = UserAttributes.of(Map.of(text.name(), "blue", number.name(), "42"));
        directory().signUp(email, password(), given, false);
        assertThat(directory().find(email).orElseThrow().attributes()).isEqualTo(given);
    }

    /** The code {@code call} was refused with. */
    private static ErrorCode refusal(Runnable call) {
        try {
            call.run();
        } catch (UserPoolException e) {
            return e.code();
        }
        throw new AssertionError("the call was not refused");
    }

    private List<EmailAddress> listAll(UserFilter filter, int pageSize) {
        List<EmailAddress> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int pages = 0; pages < 100; pages++) {
            Page<User> page = directory().list(filter, request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            page.items().forEach(u -> all.add(u.email()));
            if (page.nextCursor().isEmpty()) return all;
            request = new PageRequest(pageSize, page.nextCursor());
        }
        throw new AssertionError("the listing never ended");
    }
}
