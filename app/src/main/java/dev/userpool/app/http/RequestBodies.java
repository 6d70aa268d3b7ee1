package dev.userpool.app.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one place where both APIs (the REST API and Cognito's on {@code POST /}) read a request body, so a
 * body they cannot take is refused alike: each API answers {@link Refused} in its own error format
 * (problem+json; Cognito's {@code SerializationException}) with its status, never as a failure on our side.
 *
 * <p>The size limit holds while reading: a declared length over it is refused before a byte is read,
 * and a chunked body (no declared length) as soon as it passes the limit, so no request makes the
 * server hold more than {@link #MAX_BYTES} of it. The answer to a refused body goes out at once and the
 * connection closes after it ({@link RefusedBodyConnections}).
 */
public final class RequestBodies {
    public static final int MAX_BYTES = 64 * 1024;
    private static final String ATTRIBUTE = "userpool.body";

    private RequestBodies() {}

    /** The body's bytes (read once, then kept for the request); {@link Refused} when over the limit (413) or cut short (400). */
    public static byte[] read(Context ctx) {
        byte[] cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        if (ctx.req().getContentLengthLong() > MAX_BYTES) throw tooLarge(ctx);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            // Jetty's EofException: the client sent less than it declared and stopped. Left to Javalin,
            // that is a "client abort" answered 500 with an empty body (found by fuzzing).
            throw Refused.incomplete();
        }
        if (bytes.length > MAX_BYTES) throw tooLarge(ctx);
        ctx.attribute(ATTRIBUTE, bytes);
        return bytes;
    }

    private static Refused tooLarge(Context ctx) {
        ctx.header("Connection", "close");
        RefusedBodyConnections.refuse(ctx.req());
        return Refused.tooLarge();
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
