package dev.userpool.core.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who may administer: the members of the admin group ({@code USERPOOL_ADMIN_GROUP}, {@code admins} by
 * default), and the addresses named in configuration (so that the first administrators exist before
 * anyone can put them in a group) — those only while the account's address is verified. An address
 * proves nothing until then: an operator may confirm an account without proving it, and in Cognito a
 * user can often change their own {@code email}. Membership is the group directory's now, not what a
 * token remembers, so a member taken out of the group administers no more. Every directory is held
 * to this here, in the core, not in its adapter.
 */
public record AdminPolicy(Set<EmailAddress> adminEmails, GroupName adminGroup) {
    public static final String DEFAULT_ADMIN_GROUP = "admins";
    /** The default admin group's name. */
    public static final String ADMIN_GROUP = DEFAULT_ADMIN_GROUP;

    public AdminPolicy {
        adminEmails = Set.copyOf(adminEmails);
        Objects.requireNonNull(adminGroup, "adminGroup");
    }

    /** The configured addresses, with the default admin group. */
    public AdminPolicy(Set<EmailAddress> adminEmails) {
        this(adminEmails, new GroupName(DEFAULT_ADMIN_GROUP));
    }

    public static AdminPolicy none() {
        return new AdminPolicy(Set.of());
    }

    /**
     * {@code user} is the account as the directory has it now, and {@code inAdminGroup} whether the
     * group directory has it in {@link #adminGroup()} now.
     */
    public boolean isAdmin(User user, boolean inAdminGroup) {
        return inAdminGroup || isConfiguredAdmin(user);
    }

    /**
     * The groups an account belongs to by configuration, for directories that issue their own tokens:
     * a configured administrator's tokens name the admin group, as a member's would.
     */
    public Set<String> groupsOf(User user) {
        return isConfiguredAdmin(user) ? Set.of(adminGroup.value()) : Set.of();
    }

    public boolean isConfiguredAdmin(User user) {
        return user.emailVerified() && adminEmails.contains(user.email());
    }
}
