package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Administration;

/**
 * A pool whose users sign in with their email knows each user by two names: the address and the
 * {@code sub} (Cognito's internal username, which it hands out as {@code Username}). Operations take
 * either; the core takes the address.
 */
final class Usernames {
    private final Administration administration;
    private final boolean hideUnknownUsers;

    Usernames(Administration administration, boolean hideUnknownUsers) {
        this.administration = administration;
        this.hideUnknownUsers = hideUnknownUsers;
    }

    /** The address of {@code username}: itself when it is one, else the address of the account with that sub. */
    String address(String username) {
        String name = username.strip();
        if (name.contains("@")) return name;
        return administration.findUserById(name).email().value();
    }

    /** At sign-in an unknown sub fails like a wrong password while user-enumeration protection is on. */
    String addressForSignIn(String username) {
        try {
            return address(username);
        } catch (UserPoolException e) {
            if (hideUnknownUsers && e.code() == ErrorCode.USER_NOT_FOUND) {
                throw UserPoolException.incorrectCredentials();
            }
            throw e;
        }
    }
}
