package dev.userpool.app.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * The one place where both APIs (the REST API and Cognito's on {@code POST /}) read a request body, so a
 * body over the limit is refused alike: each API answers {@link TooLarge} in its own error format (413
 * problem+json; Cognito's {@code SerializationException} with 413), never as a failure on our side.
 */
public final class RequestBodies {
    public static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() {}

    /** The body's bytes; {@link TooLarge} when it declares or holds more than {@link #MAX_BYTES}. */
    public static byte[] read(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES) throw new TooLarge();
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            // Javalin's own refusal past config.http.maxRequestSize ("Content Too Large")
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) throw new TooLarge();
            throw e;
        }
        if (bytes.length > MAX_BYTES) throw new TooLarge();
        return bytes;
    }

    /** A request body over {@link #MAX_BYTES}: the caller's mistake, answered with 413. */
    public static final class TooLarge extends RuntimeException {
        public static final int STATUS = 413;

        TooLarge() {
            super("The request body is larger than 64 KiB.", null, false, false);
        }
    }
}
