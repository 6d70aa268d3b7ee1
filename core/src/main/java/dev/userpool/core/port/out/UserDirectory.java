package dev.userpool.core.port.out;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import java.util.Optional;

/**
 * Where accounts live. Every method fails with a {@link dev.userpool.core.domain.UserPoolException};
 * an operation on an address without an account fails with {@code UserNotFound}.
 */
public interface UserDirectory {

    /**
     * Creates an {@code UNCONFIRMED} account ({@code UsernameExists} if there is one). With
     * {@code sendCode} the directory emails a confirmation code and says where it went.
     */
    SignUpOutcome signUp(EmailAddress email, Password password, boolean sendCode);

    /** Checks the code and confirms the account; a proven code also marks the address verified. */
    void confirmSignUp(EmailAddress email, ConfirmationCode code);

    /** Sends a new code that replaces the old one. */
    CodeDelivery resendConfirmationCode(EmailAddress email);

    /** Confirms the account without proving the address: {@code email_verified} stays as it was. */
    void adminConfirmSignUp(EmailAddress email);

    /** Records that the address was proven by other means (the link flow). */
    void markEmailVerified(EmailAddress email);

    Optional<User> find(EmailAddress email);

    Optional<User> findById(UserId id);

    /** Accounts matching the filter, in a stable order, one page at a time. */
    Page<User> list(UserFilter filter, PageRequest page);

    void disable(EmailAddress email);

    void enable(EmailAddress email);

    void delete(EmailAddress email);

    /** What sign-up did: the new account and, when a code was sent, where. */
    record SignUpOutcome(User user, Optional<CodeDelivery> codeDelivery) {
        public SignUpOutcome {
            java.util.Objects.requireNonNull(user, "user");
            java.util.Objects.requireNonNull(codeDelivery, "codeDelivery");
        }
    }
}
