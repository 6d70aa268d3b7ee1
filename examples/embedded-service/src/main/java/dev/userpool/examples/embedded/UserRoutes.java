package dev.userpool.examples.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.Authentication.CurrentUser;
import dev.userpool.core.port.in.Authentication.SignInCommand;
import dev.userpool.core.port.in.Registration;
import dev.userpool.core.port.in.Registration.ConfirmCommand;
import dev.userpool.core.port.in.Registration.SignUpCommand;
import dev.userpool.core.port.in.Registration.SignUpResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own routes over the core's use cases: JSON in, JSON out, every refusal an RFC 9457
 * problem whose {@code code} is the core's error code.
 */
final class UserRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final Registration registration;
    private final Authentication authentication;

    UserRoutes(Registration registration, Authentication authentication) {
        this.registration = registration;
        this.authentication = authentication;
    }

    void addTo(HttpServer server) {
        server.createContext("/signup", exchange -> handle(exchange, "POST", this::signUp));
        server.createContext("/confirm", exchange -> handle(exchange, "POST", this::confirm));
        server.createContext("/signin", exchange -> handle(exchange, "POST", this::signIn));
        server.createContext("/me", exchange -> handle(exchange, "GET", this::me));
    }

    private Answer signUp(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        SignUpResult result = registration.signUp(new SignUpCommand(text(body, "email"), text(body, "password"), context(exchange)));
        return new Answer(201, Map.of("userId", result.user().id().value(), "status", result.user().status().name(),
                "confirmWith", result.confirmWith().name()));
    }

    private Answer confirm(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        User user = registration.confirm(new ConfirmCommand(text(body, "email"), text(body, "code"), context(exchange)));
        return new Answer(200, Map.of("status", user.status().name(), "emailVerified", user.emailVerified()));
    }

    private Answer signIn(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        Tokens tokens = authentication.signIn(new SignInCommand(text(body, "email"), text(body, "password"), context(exchange)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("idToken", tokens.idToken());
        answer.put("accessToken", tokens.accessToken());
        tokens.refreshToken().ifPresent(refresh -> answer.put("refreshToken", refresh));
        answer.put("expiresIn", tokens.expiresIn().toSeconds());
        answer.put("tokenType", tokens.tokenType());
        return new Answer(200, answer);
    }

    private Answer me(HttpExchange exchange) {
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        String bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
        if (bearer.isEmpty()) throw UserPoolException.notAuthorized("Send the access token as Authorization: Bearer <token>.");
        CurrentUser user = authentication.currentUser(bearer);
        return new Answer(200, Map.of("sub", user.userId().value(), "email", user.email().value(),
                "emailVerified", user.emailVerified()));
    }

    private interface Route {
        Answer answer(HttpExchange exchange) throws IOException;
    }

    private record Answer(int status, Map<String, ?> body) {}

    private static void handle(HttpExchange exchange, String method, Route route) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals(method)) {
                exchange.getResponseHeaders().add("Allow", method);
                send(exchange, 405, "application/problem+json", problem(405, "Method Not Allowed", "Use " + method + ".", Optional.empty()));
                return;
            }
            try {
                Answer answer = route.answer(exchange);
                send(exchange, answer.status(), "application/json", answer.body());
            } catch (UserPoolException e) {
                // the core's messages are written for callers: they never hold a password, code or token
                int status = status(e.code());
                if (status == 401) exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, status, "application/problem+json", problem(status, e.code().code(), e.getMessage(), Optional.of(e.code())));
            } catch (BadRequest e) {
                send(exchange, 400, "application/problem+json", problem(400, "Bad Request", e.getMessage(), Optional.empty()));
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", method, exchange.getRequestURI().getPath(), e);
                send(exchange, 500, "application/problem+json", problem(500, "Internal Server Error", "The request failed; see the log.", Optional.empty()));
            }
        }
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case NOT_AUTHORIZED -> 401;
            case USER_NOT_CONFIRMED, PASSWORD_RESET_REQUIRED -> 403;
            case UNSUPPORTED_USER_STATE -> 409;
            case USER_NOT_FOUND, RESOURCE_NOT_FOUND -> 404;
            case USERNAME_EXISTS, GROUP_EXISTS -> 409;
            case LIMIT_EXCEEDED, TOO_MANY_REQUESTS, TOO_MANY_FAILED_ATTEMPTS -> 429;
            case SERVICE_UNAVAILABLE -> 503;
            case INVALID_PASSWORD, INVALID_PARAMETER, CODE_MISMATCH, EXPIRED_CODE -> 400;
            // issue 14, TOTP MFA
            case ENABLE_SOFTWARE_TOKEN_MFA -> 400;
            case SOFTWARE_TOKEN_MFA_NOT_FOUND -> 409;
        };
    }

    private static Map<String, Object> problem(int status, String title, String detail, Optional<ErrorCode> code) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        code.ifPresent(c -> problem.put("code", c.code()));
        return problem;
    }

    private static void send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");   // tokens must not be cached
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) throw new BadRequest("The body is larger than " + MAX_BODY + " bytes.");
            try {
                JsonNode body = JSON.readTree(bytes);
                if (body == null || !body.isObject()) throw new BadRequest("The body must be a JSON object.");
                return body;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadRequest("The body is not JSON.");
            }
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) throw new BadRequest("\"" + field + "\" is required, as a string.");
        return value.asText();
    }

    private static RequestContext context(HttpExchange exchange) {
        return new RequestContext(UUID.randomUUID().toString(),
                Optional.of(exchange.getRemoteAddress().getAddress().getHostAddress()),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")));
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
