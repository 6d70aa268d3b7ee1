package dev.userpool.app.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one place where both APIs (the REST API and Cognito's on {@code POST /}) read a request body, so a
 * body they cannot take is refused alike: each API answers {@link Refused} in its own error format
 * (problem+json; Cognito's {@code SerializationException}) with its status, never as a failure on our side.
 *
 * <p>The size limit holds while reading, so no request makes the server hold more than {@link #MAX_BYTES}
 * of it. A body a little over it (up to {@link #DRAIN_BYTES} in all) is read to its end and dropped, so
 * that a client that reads only after sending gets its 413. A larger one (declared, or found while
 * reading a chunked body) is not read further: its answer goes out at once and the connection closes
 * after it ({@link RefusedBodyConnections}).
 */
public final class RequestBodies {
    public static final int MAX_BYTES = 64 * 1024;
    /** How much of a body over the limit is still read (and dropped) so that its client gets the answer. */
    static final int DRAIN_BYTES = 1024 * 1024;
    private static final String ATTRIBUTE = "userpool.body";

    private RequestBodies() {}

    /** The body's bytes (read once, then kept for the request); {@link Refused} when over the limit (413) or cut short (400). */
    public static byte[] read(Context ctx) {
        byte[] cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        if (ctx.req().getContentLengthLong() > DRAIN_BYTES) throw cutOff(ctx);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                // Read (and drop) the rest of a body that is not much too large, so the client, which may
                // read its answer only once it has sent everything, gets the 413 rather than a reset.
                if (!drained(in, DRAIN_BYTES - bytes.length)) throw cutOff(ctx);
                throw Refused.tooLarge();
            }
        } catch (IOException e) {
            // Jetty's EofException: the client sent less than it declared and stopped. Left to Javalin,
            // that is a "client abort" answered 500 with an empty body (found by fuzzing).
            throw Refused.incomplete();
        }
        ctx.attribute(ATTRIBUTE, bytes);
        return bytes;
    }

    /** Whether the body ended within {@code budget} more bytes, which are read and dropped. */
    private static boolean drained(InputStream in, long budget) throws IOException {
        byte[] sink = new byte[8192];
        long left = budget;
        while (left >= 0) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, left + 1));
            if (n < 0) return true;
            left -= n;
        }
        return false;
    }

    /** Refused without reading the rest: the answer goes out at once and the connection closes after it. */
    private static Refused cutOff(Context ctx) {
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
