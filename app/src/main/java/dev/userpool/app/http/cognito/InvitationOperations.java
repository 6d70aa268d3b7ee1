package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;
import static dev.userpool.app.http.cognito.CognitoShapes.user;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.port.in.Administration.AdminCommand;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.PasswordAdministration.InviteCommand;
import dev.userpool.core.port.in.PasswordAdministration.MessageAction;
import dev.userpool.core.port.in.PasswordAdministration.SetPasswordCommand;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * AdminCreateUser, AdminSetUserPassword and AdminResetUserPassword through the PasswordAdministration use
 * cases; served guarded like every admin operation ({@link AdminOperations#guarded}), with the actor
 * {@code SYSTEM}. Only what the wire adds is checked here (AWS's enum and type validation, the
 * {@code email} and {@code email_verified} attributes); the rules are the core's.
 */
final class InvitationOperations {
    private final PasswordAdministration passwords;

    InvitationOperations(PasswordAdministration passwords) {
        this.passwords = passwords;
    }

    /** AdminCreateUser: {@code {"User": UserType}} of the new (or, with RESEND, the existing) account. */
    Map<String, Object> createUser(CognitoRequest request, Context ctx) {
        String username = request.required("Username");
        MessageAction action = request.optional("MessageAction").map(InvitationOperations::messageAction)
                .orElse(MessageAction.SEND);
        List<String> mediums = request.strings("DesiredDeliveryMediums").orElse(List.of());
        for (String medium : mediums) {
            if (!medium.equals("EMAIL") && !medium.equals("SMS")) {
                throw CognitoError.invalidParameter("1 validation error detected: Value '[" + medium
                        + "]' at 'desiredDeliveryMediums' failed to satisfy constraint: Member must satisfy constraint: "
                        + "[Member must satisfy enum value set: [EMAIL, SMS]]");
            }
        }
        if (mediums.contains("SMS")) {
            throw CognitoError.invalidParameter("User has no attribute matching desired delivery mediums");
        }
        Optional<String> email = Optional.empty();
        boolean emailVerified = false;
        Map<String, String> others = new TreeMap<>();
        for (CognitoRequest.Attribute a : request.attributes("UserAttributes")) {
            switch (a.name()) {
                case "email" -> email = Optional.of(a.value());
                case "email_verified" -> emailVerified = booleanAttribute(a);
                case "sub" -> throw CognitoError.invalidParameter("Cannot modify an immutable attribute: sub");
                default -> others.put(a.name(), a.value());
            }
        }
        var user = passwords.invite(new InviteCommand(Actor.system(), username, email, emailVerified,
                UserAttributes.of(others), request.optional("TemporaryPassword"), action, RequestContexts.of(ctx)));
        return ordered("User", user(user, "Attributes"));
    }

    /** AdminSetUserPassword: {@code Permanent} true confirms, false (the default) asks for a new password at sign-in. */
    Map<String, Object> setUserPassword(CognitoRequest request, Context ctx) {
        String username = request.required("Username");
        String password = request.required("Password");
        boolean permanent = request.bool("Permanent").orElse(false);
        passwords.setPassword(new SetPasswordCommand(Actor.system(), username, password, permanent, RequestContexts.of(ctx)));
        return Map.of();
    }

    /** AdminResetUserPassword: RESET_REQUIRED, and a reset code to the verified address. */
    Map<String, Object> resetUserPassword(CognitoRequest request, Context ctx) {
        passwords.resetPassword(new AdminCommand(Actor.system(), request.required("Username"), RequestContexts.of(ctx)));
        return Map.of();
    }

    private static MessageAction messageAction(String raw) {
        return switch (raw) {
            case "RESEND" -> MessageAction.RESEND;
            case "SUPPRESS" -> MessageAction.SUPPRESS;
            default -> throw CognitoError.invalidParameter("1 validation error detected: Value '" + raw
                    + "' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]");
        };
    }

    private static boolean booleanAttribute(CognitoRequest.Attribute a) {
        return switch (a.value()) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw CognitoError.invalidParameter("Invalid value for " + a.name() + ": it must be true or false.");
        };
    }
}
