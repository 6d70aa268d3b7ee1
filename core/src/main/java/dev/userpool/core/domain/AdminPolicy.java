package dev.userpool.core.domain;

import java.util.Set;

/**
 * Who may administer: members of the {@code admins} group, and the addresses named in configuration
 * (so that the first administrators exist before anyone can put them in a group).
 */
public record AdminPolicy(Set<EmailAddress> adminEmails) {
    public static final String ADMIN_GROUP = "admins";

    public AdminPolicy {
        adminEmails = Set.copyOf(adminEmails);
    }

    public static AdminPolicy none() {
        return new AdminPolicy(Set.of());
    }

    public boolean isAdmin(VerifiedToken token, User user) {
        return token.inGroup(ADMIN_GROUP) || adminEmails.contains(user.email());
    }

    /** The groups an account belongs to by configuration, for directories that issue their own tokens. */
    public Set<String> groupsOf(EmailAddress email) {
        return adminEmails.contains(email) ? Set.of(ADMIN_GROUP) : Set.of();
    }
}
