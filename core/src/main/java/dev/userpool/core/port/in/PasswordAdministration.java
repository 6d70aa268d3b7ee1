package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator does with passwords and invitations (Cognito's AdminCreateUser, AdminSetUserPassword,
 * AdminResetUserPassword). Every action names who took it and records one event.
 */
public interface PasswordAdministration {

    /**
     * Creates a {@code FORCE_CHANGE_PASSWORD} account with a temporary password (the one given, checked
     * against the policy, or a generated one) that expires after the pool's validity, and mails the
     * invitation unless {@link MessageAction#SUPPRESS}; {@link MessageAction#RESEND} gives an existing
     * {@code FORCE_CHANGE_PASSWORD} account a new temporary password and sends the invitation again
     * ({@code UnsupportedUserState} for any other status). {@code UsernameExists} for a taken address.
     * Event {@code USER_INVITED}.
     */
    User invite(InviteCommand command);

    /**
     * Sets the password: permanent ({@code CONFIRMED}) or temporary ({@code FORCE_CHANGE_PASSWORD}, with a
     * fresh expiry); checked against the policy. Event {@code PASSWORD_SET_BY_ADMIN}.
     */
    User setPassword(SetPasswordCommand command);

    /**
     * Resets the password: {@code RESET_REQUIRED}, every session ends, and a reset code goes to the
     * verified address; sign-in answers {@code PasswordResetRequired} until the holder sets a new password
     * with the code. Event {@code PASSWORD_RESET_BY_ADMIN}.
     */
    User resetPassword(Administration.AdminCommand command);

    /** Cognito's {@code MessageAction}: absent (send), {@code SUPPRESS}, {@code RESEND}. */
    enum MessageAction { SEND, SUPPRESS, RESEND }

    /**
     * An invitation: {@code username} is the address (or, for {@link MessageAction#RESEND}, the account's
     * address or id); {@code email}, the {@code email} attribute when given, must name the same address.
     * The temporary password never prints.
     */
    record InviteCommand(Actor actor, String username, Optional<String> email, boolean emailVerified,
                         UserAttributes attributes, Optional<String> temporaryPassword, MessageAction action,
                         RequestContext context) {
        public InviteCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(temporaryPassword, "temporaryPassword");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String toString() {
            return "InviteCommand[username=" + username + ", action=" + action + ", temporaryPassword=***]";
        }
    }

    /** The password never prints. */
    record SetPasswordCommand(Actor actor, String username, String password, boolean permanent, RequestContext context) {
        @Override
        public String toString() {
            return "SetPasswordCommand[username=" + username + ", permanent=" + permanent + ", password=***]";
        }
    }
}
