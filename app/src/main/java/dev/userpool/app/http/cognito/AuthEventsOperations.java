package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.port.in.AuditQueries;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * AdminListUserAuthEvents: a user's sign-in history, answered from the audit trail
 * ({@link AuditQueries#forAccount}) in Cognito's shapes ({@link AuthEventShapes}). Cognito serves it only
 * with threat protection on, and answers {@code UserPoolAddOnNotEnabledException} otherwise; this pool
 * always keeps the trail, so it always answers. An admin operation: {@link AdminOperations#guarded}.
 */
final class AuthEventsOperations {
    private final AuditQueries audit;

    AuthEventsOperations(AuditQueries audit) {
        this.audit = audit;
    }

    /** MaxResults 0–60 (0 or absent: 60), NextToken as given by the previous page. */
    Map<String, Object> listUserAuthEvents(CognitoRequest request, Context ctx) {
        String username = request.required("Username");
        int max = request.integer("MaxResults").orElse(0);
        if (max < 0) throw outOfRange(max, "greater than or equal to 0");
        if (max > PageRequest.MAX_LIMIT) throw outOfRange(max, "less than or equal to " + PageRequest.MAX_LIMIT);
        PageRequest page = new PageRequest(max == 0 ? PageRequest.MAX_LIMIT : max, request.optional("NextToken"));
        Page<AuditEvent> events = audit.forAccount(username, AuthEventShapes.types(), page);
        List<Map<String, Object>> shown = events.items().stream().map(AuthEventShapes::authEvent).toList();
        Map<String, Object> answer = ordered("AuthEvents", shown);
        events.nextCursor().ifPresent(next -> answer.put("NextToken", next));
        return answer;
    }

    private static CognitoError outOfRange(int value, String constraint) {
        return CognitoError.invalidParameter("1 validation error detected: Value '" + value
                + "' at 'maxResults' failed to satisfy constraint: Member must have value " + constraint);
    }
}
