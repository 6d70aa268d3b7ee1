package dev.userpool.core.testing;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.AccountProvisioner;
import dev.userpool.core.testing.InMemoryAccounts.Account;
import dev.userpool.core.testing.InMemoryAccounts.CodePurpose;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link AccountProvisioner} over the accounts of an {@link InMemoryUserDirectory}: invited accounts,
 * temporary passwords with their expiry (which {@link InMemoryAuthenticator} checks), and resets whose
 * code {@link InMemoryAuthenticator#lastResetCodeSentTo} reads back. A reset ends the account's sessions
 * through the authenticator it is given.
 */
public final class InMemoryAccountProvisioner implements AccountProvisioner {
    private final InMemoryAccounts accounts;
    private final InMemoryAuthenticator authenticator;
    private final CallLog calls = new CallLog();

    public InMemoryAccountProvisioner(InMemoryUserDirectory directory, InMemoryAuthenticator authenticator) {
        this.accounts = directory.accounts;
        this.authenticator = authenticator;
    }

    @Override
    public User create(EmailAddress email, boolean emailVerified, UserAttributes attributes, Password temporaryPassword,
                       Instant expiresAt) {
        calls.add("create");
        User user = User.invited(new UserId(UUID.randomUUID().toString()), email, emailVerified, accounts.now(), attributes);
        accounts.create(new Account(user, temporaryPassword, Map.of()));
        accounts.temporaryPasswordExpiry.put(user.id(), expiresAt);
        return user;
    }

    @Override
    public void setPassword(User.Transition change, Password password, Optional<Instant> temporaryUntil) {
        calls.add("setPassword");
        accounts.update(change.before().email(), a -> unchanged(a, change).withUser(change.after()).withPassword(password));
        temporaryUntil.ifPresentOrElse(until -> accounts.temporaryPasswordExpiry.put(change.after().id(), until),
                () -> accounts.temporaryPasswordExpiry.remove(change.after().id()));
    }

    @Override
    public CodeDelivery requireReset(User.Transition reset) {
        calls.add("requireReset");
        accounts.update(reset.before().email(),
                a -> accounts.withNewCode(unchanged(a, reset).withUser(reset.after()), CodePurpose.PASSWORD_RESET));
        authenticator.endSessionsOf(reset.after().id());
        return CodeDelivery.email(reset.after().email());
    }

    /** The port methods called, in order. */
    public List<String> calls() {
        return calls.all();
    }

    private static Account unchanged(Account account, User.Transition change) {
        if (!account.user().id().equals(change.before().id())) throw UserPoolException.userNotFound();
        if (!account.user().equals(change.before())) {
            throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, "The account changed meanwhile; try again.");
        }
        return account;
    }
}
