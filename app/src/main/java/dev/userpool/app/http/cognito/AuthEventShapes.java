package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.epochSeconds;
import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audit events as Cognito's AuthEventType (AdminListUserAuthEvents). Cognito logs five kinds of event;
 * ours map onto them as the table says, and the others (confirmations, link verification, refreshes,
 * sign-outs, admin actions, rehashes) have no counterpart and are left out. Risk is never assessed here:
 * every event is {@code NoRisk}, with no compromised credentials.
 */
final class AuthEventShapes {
    private static final Map<AuditEventType, String> COGNITO_TYPES = new EnumMap<>(Map.of(
            AuditEventType.SIGN_IN, "SignIn",
            AuditEventType.SIGN_UP, "SignUp",
            AuditEventType.CONFIRMATION_CODE_SENT, "ResendCode",          // recorded by ResendConfirmationCode only
            AuditEventType.PASSWORD_RESET_REQUESTED, "ForgotPassword",
            AuditEventType.PASSWORD_RESET, "PasswordChange",              // the new password of ConfirmForgotPassword
            AuditEventType.PASSWORD_CHANGED, "PasswordChange",
            AuditEventType.EMAIL_OTP_SIGN_IN, "SignIn"));                // issue 14: a sign-in by an emailed code

    private AuthEventShapes() {}

    /** The audit event types that have a Cognito counterpart. */
    static Set<AuditEventType> types() {
        return COGNITO_TYPES.keySet();
    }

    /** AuthEventType. */
    static Map<String, Object> authEvent(AuditEvent e) {
        Map<String, Object> event = ordered(
                "EventId", e.eventId().toString(),
                "EventType", COGNITO_TYPES.get(e.type()),
                "CreationDate", epochSeconds(e.occurredAt()),
                // Cognito's InProgress is a sign-in waiting on a challenge answer; ours record only the answer's outcome
                "EventResponse", e.outcome() == Outcome.SUCCESS ? "Pass" : "Fail",
                "EventRisk", ordered("RiskDecision", "NoRisk", "CompromisedCredentialsDetected", false));
        // A password (or its SRP proof) was tested against the account: Cognito's Password challenge
        if (e.passwordChecked().orElse(false)) {
            event.put("ChallengeResponses", List.of(ordered("ChallengeName", "Password",
                    "ChallengeResponse", e.outcome() == Outcome.SUCCESS ? "Success" : "Failure")));
        }
        Map<String, Object> context = ordered();
        e.context().sourceIp().ifPresent(ip -> context.put("IpAddress", ip));
        DeviceNames.of(e.context().userAgent()).ifPresent(name -> context.put("DeviceName", name));
        event.put("EventContextData", context);
        return event;
    }

}
