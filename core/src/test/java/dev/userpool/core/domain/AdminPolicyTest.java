package dev.userpool.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code USERPOOL_ADMIN_EMAILS} names addresses, and an address proves nothing until it is verified:
 * an operator may confirm an account without proving it, and in Cognito a user can often change their
 * own {@code email}. So a configured address makes an administrator only while {@code email_verified}
 * is true; membership of the {@code admins} group, which only an operator grants, needs no address.
 *
 * <p>Observed against the code before the fix (commit 6e938da): {@code aConfiguredAddressThatIsNotVerifiedIsNoAdministrator}
 * failed (isAdmin was true), and the group test did not compile: {@code groupsOf} took the address alone.
 */
class AdminPolicyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final EmailAddress BOSS = EmailAddress.parse("boss@example.com");
    private final AdminPolicy policy = new AdminPolicy(Set.of(BOSS));

    private static User account(EmailAddress email, boolean verified) {
        User confirmed = User.signedUp(new UserId("u-" + email.value()), email, T0).confirm(ConfirmationMethod.ADMIN).after();
        return verified ? confirmed.verifyEmail().after() : confirmed;
    }

    @Test
    void aConfiguredAddressThatIsNotVerifiedIsNoAdministrator() {
        User unverified = account(BOSS, false);
        assertThat(policy.isAdmin(unverified, false)).isFalse();
    }

    @Test
    void aConfiguredAddressThatIsVerifiedIsAnAdministrator() {
        User verified = account(BOSS, true);
        assertThat(policy.isAdmin(verified, false)).isTrue();
    }

    @Test
    void theAdminsGroupNeedsNoConfiguredAddress() {
        User member = account(EmailAddress.parse("member@example.com"), false);
        assertThat(policy.isAdmin(member, true)).isTrue();
        assertThat(policy.isAdmin(member, false)).isFalse();
    }

    @Test
    void theAdminGroupIsConfigurableAndConfiguredAdministratorsTokensNameIt() {
        AdminPolicy operators = new AdminPolicy(Set.of(BOSS), new GroupName("operators"));
        assertThat(operators.adminGroup().value()).isEqualTo("operators");
        assertThat(operators.groupsOf(account(BOSS, true))).containsExactly("operators");
        assertThat(policy.adminGroup().value()).isEqualTo(AdminPolicy.DEFAULT_ADMIN_GROUP);
    }

    @Test
    void directoriesThatIssueTheirOwnTokensPutOnlyVerifiedConfiguredAddressesInTheGroup() {
        assertThat(policy.groupsOf(account(BOSS, false))).isEmpty();
        assertThat(policy.groupsOf(account(BOSS, true))).containsExactly(AdminPolicy.ADMIN_GROUP);
        assertThat(policy.groupsOf(account(EmailAddress.parse("other@example.com"), true))).isEmpty();
    }
}
