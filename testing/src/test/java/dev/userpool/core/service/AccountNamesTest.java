package dev.userpool.core.service;

import static dev.userpool.core.service.CoreWithFakes.CONTEXT;
import static dev.userpool.core.service.CoreWithFakes.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.Authentication.ResetPasswordCommand;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.EmailCommand;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cognito clients name a user by its {@code sub} as often as by its address: every use case that names an
 * account takes either, and the core resolves it (the HTTP layer no longer looks the sub up itself).
 */
class AccountNamesTest {
    private final CoreWithFakes core = CoreWithFakes.byCode();

    @Test
    void theSubConfirmsSignsInAndResetsLikeTheAddress() {
        User user = core.signUp("sub@example.com");
        String sub = user.id().value();
        User confirmed = core.registration.confirm(new ConfirmCommand(sub, core.codeSentTo("sub@example.com"), CONTEXT));
        assertThat(confirmed.status()).isEqualTo(UserStatus.CONFIRMED);

        assertThat(core.authentication.signIn(new SignInCommand(sub, PASSWORD, CONTEXT)).accessToken()).isNotBlank();

        core.authentication.forgotPassword(new EmailCommand(sub, CONTEXT));
        core.authentication.resetPassword(new ResetPasswordCommand(sub, core.resetCodeSentTo("sub@example.com"),
                "Another-Horse-8", CONTEXT));
        assertThat(core.signIn("sub@example.com", "Another-Horse-8").accessToken()).isNotBlank();

        // every event names the account by its address, as when the address was given
        assertThat(core.auditLog.all()).extracting(AuditEvent::email).containsOnly("sub@example.com");
    }

    @Test
    void administratorsNameAccountsBySubToo() {
        User user = core.seed("managed@example.com");
        assertThat(core.administration.findUser(user.id().value())).isEqualTo(user);
        core.administration.disable(new AdminCommand(Actor.system(), user.id().value(), CONTEXT));
        assertThat(core.administration.findUser("managed@example.com").enabled()).isFalse();
    }

    @Test
    void anUnknownSubIsNoAccountAndAtSignInAWrongPassword() {
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(() -> core.administration.findUser(unknown))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        assertThatThrownBy(() -> core.authentication.signIn(new SignInCommand(unknown, PASSWORD, CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class,
                        e -> assertThat(e.getMessage()).isEqualTo(UserPoolException.INCORRECT_CREDENTIALS));
    }

    @Test
    void aNameThatIsNeitherIsABadAddressNotALookUp() {
        assertThatThrownBy(() -> core.authentication.signIn(new SignInCommand("not-an-address", PASSWORD, CONTEXT)))
                .isInstanceOfSatisfying(UserPoolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }
}
