package dev.userpool.core.testing;

import dev.userpool.core.domain.ConfirmationCode;
import dev.userpool.core.domain.ConfirmationMethod;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.UserDirectory;
import java.util.function.Function;

/**
 * Test set-up past the use cases: an account read from a directory, moved by one of the domain's
 * transitions, and handed back to the directory to store, as a service does (without its event).
 */
public final class DirectoryTransitions {
    private DirectoryTransitions() {}

    /** The emailed code confirms the account (and verifies the address). */
    public static User confirmByCode(UserDirectory directory, EmailAddress email, ConfirmationCode code) {
        User.Transition confirmation = current(directory, email).confirm(ConfirmationMethod.CODE);
        directory.confirmSignUp(confirmation, code);
        return confirmation.after();
    }

    /** An operator confirms the account; the address stays as it was. */
    public static User confirmByAdmin(UserDirectory directory, EmailAddress email) {
        return save(directory, email, u -> u.confirm(ConfirmationMethod.ADMIN));
    }

    public static User verifyEmail(UserDirectory directory, EmailAddress email) {
        return save(directory, email, User::verifyEmail);
    }

    public static User disable(UserDirectory directory, EmailAddress email) {
        return save(directory, email, User::disable);
    }

    public static User enable(UserDirectory directory, EmailAddress email) {
        return save(directory, email, User::enable);
    }

    private static User save(UserDirectory directory, EmailAddress email, Function<User, User.Transition> transition) {
        User.Transition change = transition.apply(current(directory, email));
        directory.save(change);
        return change.after();
    }

    /** The account as the directory has it, or the directory's own {@code UserNotFound}. */
    private static User current(UserDirectory directory, EmailAddress email) {
        return directory.find(email).orElseThrow(UserPoolException::userNotFound);
    }
}
