package dev.userpool.app.http;

import dev.userpool.core.domain.ErrorCode;

/** A request the HTTP layer refuses before any use case runs (wrong content type, body too large, bad JSON). */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final ErrorCode code;

    HttpProblem(int status, ErrorCode code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    ErrorCode code() {
        return code;
    }
}
