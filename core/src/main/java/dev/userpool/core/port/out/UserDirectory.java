package dev.userpool.core.port.out;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import java.util.List;
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
    default SignUpOutcome signUp(EmailAddress email, Password password, boolean sendCode) {
        return signUp(email, password, UserAttributes.none(), sendCode);
    }

    /**
     * As {@link #signUp(EmailAddress, Password, boolean)}, the account holding {@code attributes}, which
     * the core already checked against the pool's schema.
     */
    SignUpOutcome signUp(EmailAddress email, Password password, UserAttributes attributes, boolean sendCode);

    /**
     * Checks the code and, when it matches, stores the account as {@code confirmation} leaves it (a
     * proven code also verifies the address). The core decided the confirmation
     * ({@link User#confirm}); the directory does not decide it again.
     */
    void confirmSignUp(User.Transition confirmation, ConfirmationCode code);

    /** Sends a new code that replaces the old one. */
    CodeDelivery resendConfirmationCode(EmailAddress email);

    /**
     * Stores the account as {@code change} leaves it: the core applied the rule ({@link User}'s
     * transitions), the directory records the outcome. An operator's confirmation, a verified address,
     * disabling (which also ends the account's sessions) and enabling all arrive here. A directory that
     * can tell refuses a change whose {@code before} is no longer the stored account
     * ({@code TooManyRequests}: the account changed meanwhile, try again) rather than overwrite that
     * other change.
     */
    void save(User.Transition change);

    Optional<User> find(EmailAddress email);

    Optional<User> findById(UserId id);

    /** Accounts matching the filter, in a stable order, one page at a time. */
    Page<User> list(UserFilter filter, PageRequest page);

    void delete(EmailAddress email);

    /**
     * The pool's custom attributes ({@code custom:…}), in the order they were added. Attribute changes
     * reach the directory as transitions through {@link #save} ({@code ATTRIBUTES_UPDATED},
     * {@code ATTRIBUTES_DELETED}).
     */
    List<AttributeDefinition> customAttributes();

    /**
     * Adds custom attributes to the pool's schema; the core checked them against the schema as it is
     * ({@link dev.userpool.core.domain.AttributeSchema#withCustom}). A directory refuses a name that
     * exists (another process added it meanwhile) rather than change its definition.
     */
    void addCustomAttributes(List<AttributeDefinition> added);

    /** What sign-up did: the new account and, when a code was sent, where. */
    record SignUpOutcome(User user, Optional<CodeDelivery> codeDelivery) {
        public SignUpOutcome {
            java.util.Objects.requireNonNull(user, "user");
            java.util.Objects.requireNonNull(codeDelivery, "codeDelivery");
        }
    }
}
