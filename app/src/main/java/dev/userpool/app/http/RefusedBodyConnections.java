package dev.userpool.app.http;

import java.io.IOException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.Container;

/**
 * What becomes of a connection whose request body was cut off ({@link RequestBodies}: over 1 MiB): the
 * answer goes out at once, and then the connection closes without reading the rest of the body.
 *
 * <p>Left alone, Jetty does the opposite, in two ways. An answer not yet committed when the handler returns
 * (Javalin's never is) waits while Jetty reads the rest of the body to keep the connection
 * ("consumeAll"), for as long as the client keeps sending: a 100 MiB chunked body was read whole before
 * its 413 went out. And once the answer is out, Jetty reads and discards whatever still comes until the
 * client stops ("seeking EOF"), with no limit either. So the answer is completed as soon as the handler
 * returns, and the connection is closed as soon as the answer is written: a client still sending gets a
 * reset after the answer (which it has, as with any server that refuses an upload midway).
 */
final class RefusedBodyConnections implements HttpChannel.Listener {
    private static final String REFUSED = "userpool.refusedBody";

    /** Adds this to every connector the server gets (Javalin adds its connector when it starts). */
    static void installOnConnectors(Server server) {
        server.addEventListener(new Container.Listener() {
            @Override
            public void beanAdded(Container parent, Object child) {
                if (child instanceof AbstractConnector connector) connector.addBean(new RefusedBodyConnections());
            }

            @Override
            public void beanRemoved(Container parent, Object child) {}
        });
    }

    /** Marks the request's body as refused: its answer is to go out at once, and its connection to close. */
    static void refuse(jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(REFUSED, Boolean.TRUE);
    }

    /** Sends and completes the answer before Jetty would drain the body (it drains only uncommitted answers). */
    @Override
    public void onAfterDispatch(Request request) {
        if (request.getAttribute(REFUSED) == null) return;
        try {
            request.getResponse().closeOutput();
        } catch (IOException clientGone) {
            request.getHttpChannel().getEndPoint().close();
        }
    }

    /** The answer is written: close before Jetty reads on. */
    @Override
    public void onComplete(Request request) {
        if (request.getAttribute(REFUSED) != null) request.getHttpChannel().getEndPoint().close();
    }
}
