package dev.userpool.core.testing;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.confirmByCode;
import static dev.userpool.core.testing.DirectoryTransitions.disable;
import static dev.userpool.core.testing.DirectoryTransitions.enable;
import static dev.userpool.core.testing.DirectoryTransitions.verifyEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InMemoryUserDirectoryTest {
    private static final EmailAddress ALICE = EmailAddress.parse("alice@example.com");
    private static final Password PASSWORD = Password.of("Correct-Horse-9");

    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory(clock);

    private static void assertFails(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private ConfirmationCode lastCode() {
        return ConfirmationCode.parse(directory.lastCodeSentTo(ALICE).orElseThrow());
    }

    @Test
    void signUpWithACodeKeepsItForTheOwnerToRead() {
        var outcome = directory.signUp(ALICE, PASSWORD, true);
        assertThat(outcome.user().createdAt()).isEqualTo(clock.instant());
        assertThat(outcome.codeDelivery()).isPresent();
        assertThat(directory.lastCodeSentTo(ALICE)).hasValueSatisfying(c -> assertThat(c).matches("\\d{6}"));
    }

    @Test
    void signUpWithoutACodeSendsNone() {
        assertThat(directory.signUp(ALICE, PASSWORD, false).codeDelivery()).isEmpty();
        assertThat(directory.lastCodeSentTo(ALICE)).isEmpty();
        assertFails(ErrorCode.CODE_MISMATCH, () -> confirmByCode(directory, ALICE, ConfirmationCode.parse("123456")));
    }

    @Test
    void anAddressHasOneAccount() {
        directory.signUp(ALICE, PASSWORD, true);
        assertFails(ErrorCode.USERNAME_EXISTS, () -> directory.signUp(ALICE, PASSWORD, true));
    }

    @Test
    void aCodeIsSingleUseAndExpiresAfter24Hours() {
        directory.signUp(ALICE, PASSWORD, true);
        ConfirmationCode code = lastCode();
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        confirmByCode(directory, ALICE, code);
        assertThat(directory.find(ALICE).orElseThrow().emailVerified()).isTrue();
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> confirmByCode(directory, ALICE, code));

        EmailAddress bob = EmailAddress.parse("bob@example.com");
        directory.signUp(bob, PASSWORD, true);
        ConfirmationCode bobs = ConfirmationCode.parse(directory.lastCodeSentTo(bob).orElseThrow());
        clock.advance(Duration.ofHours(24));
        assertFails(ErrorCode.EXPIRED_CODE, () -> confirmByCode(directory, bob, bobs));
    }

    @Test
    void aFailedCheckChangesNothing() {
        directory.signUp(ALICE, PASSWORD, true);
        ConfirmationCode code = lastCode();
        assertFails(ErrorCode.CODE_MISMATCH, () -> confirmByCode(directory, ALICE,
                ConfirmationCode.parse(code.reveal().equals("000000") ? "000001" : "000000")));
        assertThat(directory.find(ALICE).orElseThrow().status()).isEqualTo(UserStatus.UNCONFIRMED);
        confirmByCode(directory, ALICE, code);
    }

    @Test
    void adminConfirmationLeavesTheAddressUnverifiedAndVoidsTheCode() {
        directory.signUp(ALICE, PASSWORD, true);
        confirmByAdmin(directory, ALICE);
        assertThat(directory.find(ALICE).orElseThrow().emailVerified()).isFalse();
        verifyEmail(directory, ALICE);
        assertThat(directory.find(ALICE).orElseThrow().emailVerified()).isTrue();
        assertFails(ErrorCode.NOT_AUTHORIZED, () -> confirmByAdmin(directory, ALICE));
    }

    @Test
    void everyOperationOnAnUnknownAddressIsUserNotFound() {
        ConfirmationCode code = ConfirmationCode.parse("123456");
        User gone = User.signedUp(new UserId("u-gone"), ALICE, clock.instant());
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.confirmSignUp(gone.confirm(ConfirmationMethod.CODE), code));
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.resendConfirmationCode(ALICE));
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.save(gone.confirm(ConfirmationMethod.ADMIN)));
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.save(gone.verifyEmail()));
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.save(gone.disable()));
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.save(gone.enable()));
        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.delete(ALICE));
        assertThat(directory.find(ALICE)).isEmpty();
    }

    @Test
    void aChangeOfAnAccountThatChangedMeanwhileIsRefusedAndStoresNothing() {
        User read = directory.signUp(ALICE, PASSWORD, true).user();
        ConfirmationCode code = lastCode();
        disable(directory, ALICE);   // by someone else, after the account was read

        assertFails(ErrorCode.TOO_MANY_REQUESTS, () -> directory.save(read.confirm(ConfirmationMethod.ADMIN)));
        assertFails(ErrorCode.TOO_MANY_REQUESTS, () -> directory.confirmSignUp(read.confirm(ConfirmationMethod.CODE), code));
        assertThat(directory.find(ALICE)).contains(read.disable().after());
        confirmByCode(directory, ALICE, code);   // the code was not used up
    }

    @Test
    void aChangeOfAnAccountDeletedAndSignedUpAgainIsUserNotFound() {
        User read = directory.signUp(ALICE, PASSWORD, false).user();
        directory.delete(ALICE);
        directory.signUp(ALICE, PASSWORD, false);

        assertFails(ErrorCode.USER_NOT_FOUND, () -> directory.save(read.disable()));
        assertThat(directory.find(ALICE).orElseThrow().enabled()).isTrue();
    }

    @Test
    void listsInAddressOrderAPageAtATime() {
        for (String name : new String[] {"dave", "alice", "carol", "bob", "erin"}) {
            directory.signUp(EmailAddress.parse(name + "@example.com"), PASSWORD, false);
        }
        var first = directory.list(UserFilter.all(), PageRequest.first(2));
        var second = directory.list(UserFilter.all(), new PageRequest(2, first.nextCursor()));
        var third = directory.list(UserFilter.all(), new PageRequest(2, second.nextCursor()));

        assertThat(first.items()).extracting(u -> u.email().value()).containsExactly("alice@example.com", "bob@example.com");
        assertThat(second.items()).extracting(u -> u.email().value()).containsExactly("carol@example.com", "dave@example.com");
        assertThat(third.items()).extracting(u -> u.email().value()).containsExactly("erin@example.com");
        assertThat(third.nextCursor()).isEmpty();
        assertThat(directory.list(new UserFilter(Optional.empty(), Optional.empty(), Optional.of("c")),
                PageRequest.first(10)).items()).extracting(u -> u.email().value()).containsExactly("carol@example.com");
    }

    @Test
    void recordsTheCallsItGets() {
        directory.find(ALICE);
        directory.signUp(ALICE, PASSWORD, false);
        assertThat(directory.calls()).containsExactly("find", "signUp");
    }
}
