package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;

/** What an operator does with accounts. Every action names who took it. */
public interface Administration {

    /** The administrator behind a bearer token: {@code NotAuthorized} when the token is invalid or not an admin's. */
    Administrator authorize(String bearerToken);

    /**
     * What the bearer of a token may do here, with one token check and one account look-up. A token
     * that proves nobody — invalid, expired, or its account gone or disabled — is {@code NotAuthorized}
     * (thrown: the caller is not known); a valid access token of somebody who is not an administrator,
     * or an ID token, is {@link AdminAccess.Denied} (the caller is known, and may not).
     */
    AdminAccess access(String bearerToken);

    sealed interface AdminAccess {
        record Granted(Administrator administrator) implements AdminAccess {}

        record Denied(String reason) implements AdminAccess {}
    }

    /** Reads are not audited; callers check who may read ({@link #authorize}). */
    Page<User> listUsers(UserFilter filter, PageRequest page);

    /** The account {@code name} names: its address or its id (the {@code sub} Cognito clients name a user by), resolved by the core; {@code UserNotFound} when none. */
    User findUser(String name);

    /** The account with this id (its {@code sub}); {@code UserNotFound} when there is none. */
    User findUserById(String userId);

    /** Confirms an {@code UNCONFIRMED} account; the address stays unverified. */
    User confirm(AdminCommand command);

    User disable(AdminCommand command);

    User enable(AdminCommand command);

    void delete(AdminCommand command);

    /**
     * Marks the account's address verified on the operator's word (Cognito's AdminUpdateUserAttributes
     * with {@code email_verified = true}); the status stays as it is.
     */
    User verifyEmail(AdminCommand command);

    /** Ends every session of the account: its refresh tokens stop working and its tokens stop verifying. */
    void signOut(AdminCommand command);

    record Administrator(UserId id, EmailAddress email) {
        public Actor actor() {
            return Actor.admin(id);
        }
    }

    /**
     * An action on the account {@code email} (the account's address or its id (the {@code sub} Cognito clients name a user by), resolved by the core), taken by an administrator or by the
     * operator's console ({@code SYSTEM}).
     */
    record AdminCommand(Actor actor, String email, RequestContext context) {}
}
