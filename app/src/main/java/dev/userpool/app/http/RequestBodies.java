package dev.userpool.app.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;

/**
 * The one place where both APIs (the REST API and Cognito's on {@code POST /}) read a request body, so a
 * body they cannot take is refused alike: each API answers {@link Refused} in its own error format
 * (problem+json; Cognito's {@code SerializationException}) with its status, never as a failure on our side.
 */
public final class RequestBodies {
    public static final int MAX_BYTES = 64 * 1024;

    private RequestBodies() {}

    /** The body's bytes; {@link Refused} when it is over {@link #MAX_BYTES} (413) or ends before its Content-Length (400). */
    public static byte[] read(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES) throw Refused.tooLarge();
        byte[] bytes;
        try {
            bytes = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            // Javalin's own refusal past config.http.maxRequestSize ("Content Too Large")
            if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) throw Refused.tooLarge();
            throw e;
        } catch (Exception e) {
            // Jetty's EofException, thrown through Kotlin unchecked: the client sent less than it declared and
            // stopped. Left to Javalin, that is a "client abort" answered 500 with an empty body (found by fuzzing).
            if (e instanceof IOException || e.getCause() instanceof IOException) throw Refused.incomplete();
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
        if (bytes.length > MAX_BYTES) throw Refused.tooLarge();
        return bytes;
    }

    /** A body the caller's mistake makes unreadable: too large (413) or cut short (400). */
    public static final class Refused extends RuntimeException {
        private final int status;

        private Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        static Refused tooLarge() {
            return new Refused(413, "The request body is larger than 64 KiB.");
        }

        static Refused incomplete() {
            return new Refused(400, "The request body ended before its declared length.");
        }

        public int status() {
            return status;
        }
    }
}
