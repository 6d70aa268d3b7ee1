package dev.userpool.app.http;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.event.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the API, built in one place so every route answers alike. */
final class Json {
    private Json() {}

    static Map<String, Object> delivery(CodeDelivery d) {
        return ordered("destination", d.destination(), "medium", d.medium(), "attributeName", d.attributeName());
    }

    static Map<String, Object> user(User u) {
        return ordered("userId", u.id().value(), "email", u.email().value(), "status", u.status().name(),
                "emailVerified", u.emailVerified(), "enabled", u.enabled(), "createdAt", u.createdAt().toString(),
                "attributes", u.attributes().values());
    }

    static Map<String, Object> tokens(Tokens t) {
        Map<String, Object> body = ordered("idToken", t.idToken(), "accessToken", t.accessToken());
        t.refreshToken().ifPresent(r -> body.put("refreshToken", r));
        body.put("expiresIn", t.expiresIn().toSeconds());
        body.put("tokenType", t.tokenType());
        return body;
    }

    static Map<String, Object> event(AuditEvent e) {
        Map<String, Object> body = ordered("eventId", e.eventId().toString(), "type", e.type().name(),
                "occurredAt", e.occurredAt().toString(), "outcome", e.outcome().name());
        body.put("errorCode", e.errorCode().map(c -> c.code()).orElse(null));
        body.put("userId", e.userId().map(id -> id.value()).orElse(null));
        body.put("email", e.email());
        body.put("actor", ordered("kind", e.actor().kind().name(), "id", e.actor().id().map(id -> id.value()).orElse(null)));
        body.put("method", e.method().map(Enum::name).orElse(null));
        e.passwordChecked().ifPresent(checked -> body.put("passwordChecked", checked));
        body.put("context", ordered("requestId", e.context().requestId(),
                "sourceIp", e.context().sourceIp().orElse(null), "userAgent", e.context().userAgent().orElse(null)));
        return body;
    }

    /** A map that keeps its keys in the order given (and allows null values, unlike Map.of). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}
