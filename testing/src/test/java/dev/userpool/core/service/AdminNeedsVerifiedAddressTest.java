package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.ADMIN_EMAIL;
import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Administration.AdminCommand;
import org.junit.jupiter.api.Test;

/**
 * The use case holds every directory to the admin policy: an account whose address is in the policy
 * but not verified is refused as an administrator — with a token from before or after — until the
 * address is verified, whatever the directory (here the in-memory one, which stands for all).
 *
 * <p>Observed against the code before the fix (commit 6e938da): {@code anUnverifiedConfiguredAddressIsRefusedUntilVerified}
 * failed — {@code authorize} accepted the admin-confirmed, unverified account.
 */
class AdminNeedsVerifiedAddressTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void anUnverifiedConfiguredAddressIsRefusedUntilVerified() {
        core.signUp(ADMIN_EMAIL);
        core.administration.confirm(new AdminCommand(Actor.system(), ADMIN_EMAIL, CONTEXT));
        assertThat(core.directory.find(email(ADMIN_EMAIL)).orElseThrow().emailVerified()).isFalse();
        String token = core.signIn(ADMIN_EMAIL).accessToken();

        assertThatThrownBy(() -> core.administration.authorize(token)).isInstanceOfSatisfying(UserPoolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AUTHORIZED));

        core.administration.verifyEmail(new AdminCommand(Actor.system(), ADMIN_EMAIL, CONTEXT));
        assertThat(core.administration.authorize(token).email()).isEqualTo(email(ADMIN_EMAIL));
    }
}
