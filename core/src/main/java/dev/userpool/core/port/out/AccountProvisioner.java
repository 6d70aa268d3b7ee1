package dev.userpool.core.port.out;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.User;
import java.time.Instant;
import java.util.Optional;

/**
 * What an administrator's work on accounts and passwords needs from the directory (Cognito's
 * AdminCreateUser, AdminSetUserPassword, AdminResetUserPassword). The core applies the domain's rule
 * ({@link User#invited}, {@link User#setPasswordByAdmin}, {@link User#resetPasswordByAdmin}) and decides
 * the passwords; the provisioner stores what it is given. Like {@link UserDirectory#save}, a change whose
 * {@code before} is no longer the stored account is refused ({@code TooManyRequests}); an unknown account
 * is {@code UserNotFound}.
 */
public interface AccountProvisioner {

    /**
     * Stores a new account as {@link User#invited} makes it ({@code FORCE_CHANGE_PASSWORD}, its id the
     * directory's), with its temporary password, which signs in (to the {@code NEW_PASSWORD_REQUIRED}
     * challenge) until {@code expiresAt}; returns it. {@code UsernameExists} when the address has an
     * account. Sends nothing: the core sends the invitation.
     */
    User create(EmailAddress email, boolean emailVerified, UserAttributes attributes, Password temporaryPassword,
                Instant expiresAt);

    /**
     * Stores {@code change} with its new password: temporary until the instant given (the account is
     * {@code FORCE_CHANGE_PASSWORD}), or permanent (empty). Sessions already open go on, as on Cognito.
     */
    void setPassword(User.Transition change, Password password, Optional<Instant> temporaryUntil);

    /**
     * Stores {@code reset} ({@code RESET_REQUIRED}), ends every session of the account, and sends a reset
     * code that {@link Authenticator#confirmForgotPassword} accepts; says where it went.
     */
    CodeDelivery requireReset(User.Transition reset);
}
