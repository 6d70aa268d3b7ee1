package dev.userpool.core.service;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.out.UserDirectory;
import java.util.regex.Pattern;

/**
 * The two names of an account in a pool whose users sign in with their email: the address, and the id
 * (Cognito's {@code sub}, which Cognito hands out as the {@code Username} and clients send back). Every
 * use case that names an account takes either, and resolves it here, once. An id is a UUID, as both
 * directories issue them; any other name is taken for an address, so a malformed one is still refused
 * as a bad address rather than looked up.
 */
final class AccountNames {
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final UserDirectory directory;

    AccountNames(UserDirectory directory) {
        this.directory = directory;
    }

    /**
     * The address {@code name} stands for: the address of the account with that id when it is one
     * ({@code UserNotFound} when there is none), else {@code name} read as an address ({@code InvalidParameter}
     * when it is not one).
     */
    EmailAddress addressOf(String name) {
        String n = name == null ? "" : name.strip();
        if (!ID.matcher(n).matches()) return EmailAddress.parse(n);
        return directory.findById(new UserId(n)).map(User::email).orElseThrow(UserPoolException::userNotFound);
    }

    /** What an audit event records as the address given, before it is resolved: the name unless it is an id. */
    static String asGiven(String name) {
        return name == null || ID.matcher(name.strip()).matches() ? "" : name;
    }
}
