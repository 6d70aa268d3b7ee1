package dev.userpool.core.port.out;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.UserAttributes;
import java.util.Optional;

/**
 * Creates accounts moved from another user pool, without a password of the user's and without
 * telling them (the move is the operator's doing, not a sign-up). An account that exists already is
 * left as it is and said so: a move that was interrupted is run again from the start.
 */
public interface AccountImport {

    /** What became of one account. */
    enum Result { CREATED, ALREADY_EXISTS }

    /**
     * Creates a confirmed account for {@code email}, its address marked verified or not as in the old
     * pool, with its {@code attributes} (the target's schema decides whether it takes them). Fails with a
     * {@link dev.userpool.core.domain.UserPoolException} for anything but an existing account
     * (throttling it waits out itself, up to a limit).
     */
    Result create(EmailAddress email, boolean emailVerified, UserAttributes attributes);

    /**
     * Creates a group as the old pool kept it: its name, description (empty for none), precedence and
     * role ARN. A group of that name that exists is left as it is ({@link Result#ALREADY_EXISTS}).
     */
    Result createGroup(GroupName name, String description, Optional<Integer> precedence, Optional<String> roleArn);

    /**
     * Puts the account of {@code member} in the group; already a member is no change. {@code UserNotFound}
     * when the target holds no such account, {@code ResourceNotFound} when it holds no such group.
     */
    void addToGroup(GroupName group, EmailAddress member);
}
