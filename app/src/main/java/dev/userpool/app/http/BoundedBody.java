package dev.userpool.app.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with its size limit enforced while reading: a declared length over the limit is
 * refused before a byte is read, and a chunked body (no declared length) is refused as soon as it
 * passes the limit, so no request can make the server hold more than {@link #MAX_BYTES} of it. Both
 * APIs read their bodies here; each answers {@link TooLarge} in its own error format.
 */
public final class BoundedBody {
    public static final int MAX_BYTES = 64 * 1024;
    private static final String ATTRIBUTE = "userpool.body";

    private BoundedBody() {}

    /** The body is larger than {@link #MAX_BYTES}. */
    public static final class TooLarge extends RuntimeException {
        private TooLarge() {
            super("The request body is larger than 64 KiB.", null, false, false);
        }
    }

    /** The whole body (read once, then kept for the request). */
    public static byte[] read(Context ctx) {
        byte[] cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        if (ctx.req().getContentLengthLong() > MAX_BYTES) throw refuse(ctx);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new BodyUnreadable(e);
        }
        if (bytes.length > MAX_BYTES) throw refuse(ctx);
        ctx.attribute(ATTRIBUTE, bytes);
        return bytes;
    }

    /** The client stopped sending (or the connection broke) in the middle of the body. */
    public static final class BodyUnreadable extends RuntimeException {
        private BodyUnreadable(IOException cause) {
            super("The request body could not be read.", cause);
        }
    }

    /** The rest of the body is not read: the connection closes after the answer instead of draining it. */
    private static TooLarge refuse(Context ctx) {
        ctx.header("Connection", "close");
        return new TooLarge();
    }
}
