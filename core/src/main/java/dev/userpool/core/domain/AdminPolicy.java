package dev.userpool.core.domain;

import java.util.Set;

/**
 * Who may administer: members of the {@code admins} group, and the addresses named in configuration
 * (so that the first administrators exist before anyone can put them in a group) — those only while
 * the account's address is verified. An address proves nothing until then: an operator may confirm an
 * account without proving it, and in Cognito a user can often change their own {@code email}. Every
 * directory is held to this here, in the core, not in its adapter.
 */
public record AdminPolicy(Set<EmailAddress> adminEmails) {
    public static final String ADMIN_GROUP = "admins";

    public AdminPolicy {
        adminEmails = Set.copyOf(adminEmails);
    }

    public static AdminPolicy none() {
        return new AdminPolicy(Set.of());
    }

    /** {@code user} is the account as the directory has it now, not as the token remembers it. */
    public boolean isAdmin(VerifiedToken token, User user) {
        return token.inGroup(ADMIN_GROUP) || isConfiguredAdmin(user);
    }

    /** The groups an account belongs to by configuration, for directories that issue their own tokens. */
    public Set<String> groupsOf(User user) {
        return isConfiguredAdmin(user) ? Set.of(ADMIN_GROUP) : Set.of();
    }

    private boolean isConfiguredAdmin(User user) {
        return user.emailVerified() && adminEmails.contains(user.email());
    }
}
