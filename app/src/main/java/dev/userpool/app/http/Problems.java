package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code application/problem+json} with the core's error code: the one place
 * that decides what a caller sees. Never a stack trace.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String UNEXPECTED = "Something went wrong on our side.";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A {@link java.lang.Error} (a {@code StackOverflowError}, an {@code OutOfMemoryError}) never reaches
     * {@code app.exception}, which takes Exceptions only: Javalin hands it to its "java.lang.Error handler",
     * which by default answers 500 with an empty body. This one logs it once with the request id and
     * answers problem+json like any other failure on our side. Javalin 6 exposes that handler only as a
     * Kotlin-internal setter (hence the mangled name); {@code FakeEdgeComponentTest} fails if it stops working.
     */
    void install(JavalinConfig config) {
        config.router.setJavaLangErrorHandler$javalin(this::fatal);
    }

    private void fatal(HttpServletResponse res, Error error) {
        String requestId = Optional.ofNullable(res.getHeader(RequestContexts.HEADER)).orElse("none");
        LOG.error("Unexpected error (request {})", requestId, error);
        if (res.isCommitted()) return;
        try {
            res.resetBuffer();
            res.setStatus(500);
            res.setContentType(CONTENT_TYPE);
            res.getOutputStream().write(json.writeValueAsBytes(body(500, ErrorCode.SERVICE_UNAVAILABLE, UNEXPECTED, requestId, List.of())));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not write the answer to request {}", requestId, e);
        }
    }

    void install(Javalin app) {
        app.exception(UserPoolException.class, (e, ctx) -> write(ctx, statusOf(e.code()), e.code(), e.getMessage(), e.details()));
        app.exception(HttpProblem.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), List.of()));
        app.exception(RequestBodies.Refused.class, (e, ctx) -> write(ctx, e.status(), ErrorCode.INVALID_PARAMETER, e.getMessage(), List.of()));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                e.getStatus() >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INVALID_PARAMETER, e.getMessage(), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), RequestContexts.requestId(ctx), e);
            write(ctx, 500, ErrorCode.SERVICE_UNAVAILABLE, UNEXPECTED, List.of());
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) write(ctx, 404, ErrorCode.INVALID_PARAMETER, "There is nothing at " + ctx.path() + ".", List.of());
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) write(ctx, 405, ErrorCode.INVALID_PARAMETER, ctx.method() + " is not allowed on " + ctx.path() + ".", List.of());
        });
    }

    static int statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_PARAMETER, INVALID_PASSWORD, CODE_MISMATCH, EXPIRED_CODE, INVALID_OAUTH_FLOW, SCOPE_DOES_NOT_EXIST -> 400;
            case NOT_AUTHORIZED -> 401;
            case USER_NOT_CONFIRMED, PASSWORD_RESET_REQUIRED -> 403;
            case UNSUPPORTED_USER_STATE -> 409;
            case USER_NOT_FOUND, RESOURCE_NOT_FOUND -> 404;
            case USERNAME_EXISTS, GROUP_EXISTS -> 409;
            // passkeys (issue 14): off on this pool; an answer to no challenge, or from the wrong place
            case WEB_AUTHN_NOT_ENABLED, WEB_AUTHN_CONFIGURATION_MISSING -> 403;
            case WEB_AUTHN_CHALLENGE_NOT_FOUND, WEB_AUTHN_RELYING_PARTY_MISMATCH, WEB_AUTHN_ORIGIN_NOT_ALLOWED,
                 WEB_AUTHN_CREDENTIAL_NOT_SUPPORTED -> 400;
            case LIMIT_EXCEEDED, TOO_MANY_REQUESTS, TOO_MANY_FAILED_ATTEMPTS -> 429;
            case SERVICE_UNAVAILABLE -> 503;
            // issue 14, TOTP: a wrong code setting an app up; a code asked of an account without an app
            case ENABLE_SOFTWARE_TOKEN_MFA -> 400;
            case SOFTWARE_TOKEN_MFA_NOT_FOUND -> 409;
        };
    }

    void write(Context ctx, int status, ErrorCode code, String detail, List<String> violations) {
        String requestId = RequestContexts.requestId(ctx);
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
        // A refusal for load (the hashing queue is full, too many challenges wait) passes in a moment.
        if (code == ErrorCode.TOO_MANY_REQUESTS) ctx.header("Retry-After", "1");
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsString(body(status, code, detail, requestId, violations)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.error("Could not write a problem (request {})", requestId, e);
            ctx.status(500).contentType(CONTENT_TYPE).result("{\"type\":\"urn:userpool:problem:ServiceUnavailable\","
                    + "\"title\":\"Internal Server Error\",\"status\":500,\"code\":\"ServiceUnavailable\"}");
        }
    }

    private static Map<String, Object> body(int status, ErrorCode code, String detail, String requestId, List<String> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:userpool:problem:" + code.code());
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail == null ? title(status) : detail);
        body.put("code", code.code());
        body.put("requestId", requestId);
        if (!violations.isEmpty()) body.put("violations", violations);
        return body;
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(CONTENT_TYPE);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}
