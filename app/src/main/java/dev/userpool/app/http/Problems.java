package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into {@code application/problem+json} with the core's error code: the one place
 * that decides what a caller sees. Never a stack trace.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void install(Javalin app) {
        app.exception(UserPoolException.class, (e, ctx) -> write(ctx, statusOf(e.code()), e.code(), e.getMessage(), e.details()));
        app.exception(HttpProblem.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), List.of()));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                e.getStatus() >= 500 ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INVALID_PARAMETER, e.getMessage(), List.of()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {} (request {})", ctx.method(), ctx.path(), RequestContexts.requestId(ctx), e);
            write(ctx, 500, ErrorCode.SERVICE_UNAVAILABLE, "Something went wrong on our side.", List.of());
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
            case INVALID_PARAMETER, INVALID_PASSWORD, CODE_MISMATCH, EXPIRED_CODE -> 400;
            case NOT_AUTHORIZED -> 401;
            case USER_NOT_CONFIRMED -> 403;
            case USER_NOT_FOUND -> 404;
            case USERNAME_EXISTS -> 409;
            case LIMIT_EXCEEDED, TOO_MANY_REQUESTS, TOO_MANY_FAILED_ATTEMPTS -> 429;
            case SERVICE_UNAVAILABLE -> 503;
        };
    }

    void write(Context ctx, int status, ErrorCode code, String detail, List<String> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:userpool:problem:" + code.code());
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail == null ? title(status) : detail);
        body.put("code", code.code());
        body.put("requestId", RequestContexts.requestId(ctx));
        if (!violations.isEmpty()) body.put("violations", violations);
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
        // A refusal for load (the hashing queue is full, too many challenges wait) passes in a moment.
        if (code == ErrorCode.TOO_MANY_REQUESTS) ctx.header("Retry-After", "1");
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(500).result("");
        }
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
