package dev.userpool.smtp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * STARTTLS in front of a plain {@link MailServer}, since GreenMail's SMTP server does not speak
 * STARTTLS (greenmail-mail-test/greenmail#135). It answers the greeting and EHLO itself, offering only
 * STARTTLS and refusing anything else with 530; after the TLS handshake (with {@link TestCertificate})
 * it connects to GreenMail, swallows GreenMail's greeting, and relays the encrypted session's
 * commands and replies both ways — so EHLO, AUTH, MAIL, RCPT and DATA are GreenMail's own.
 */
public final class StartTlsFront implements AutoCloseable {
    private final ServerSocket listener;
    private final MailServer backend;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile boolean closed;

    private StartTlsFront(MailServer backend) throws IOException {
        this.backend = backend;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "starttls-front");
        accept.setDaemon(true);
        accept.start();
    }

    public static StartTlsFront before(MailServer backend) {
        try {
            return new StartTlsFront(backend);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many clients completed the TLS handshake. */
    public int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "starttls-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            write(out, "220 localhost ESMTP (STARTTLS front)");
            while (true) {
                String line = readLine(in);
                if (line == null) return;
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                if (verb.equals("EHLO")) {
                    write(out, "250-localhost\r\n250-8BITMIME\r\n250 STARTTLS");
                } else if (verb.equals("HELO")) {
                    write(out, "250 localhost");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    write(out, "220 2.0.0 Ready to start TLS");
                    break;
                } else if (verb.equals("QUIT")) {
                    write(out, "221 2.0.0 Bye");
                    return;
                } else if (verb.equals("NOOP")) {
                    write(out, "250 OK");
                } else {
                    write(out, "530 5.7.0 Must issue a STARTTLS command first");
                }
            }
            SSLSocket tls = (SSLSocket) TestCertificate.serverContext().getSocketFactory()
                    .createSocket(client, "localhost", client.getPort(), true);
            tls.setUseClientMode(false);
            tls.startHandshake();
            handshakes.incrementAndGet();
            try (tls; Socket server = new Socket(InetAddress.getLoopbackAddress(), backend.port())) {
                open.add(server);
                InputStream fromServer = server.getInputStream();
                String greeting;
                do {
                    greeting = readLine(fromServer);
                } while (greeting != null && greeting.length() > 3 && greeting.charAt(3) == '-');
                Thread up = new Thread(() -> pipe(tls, server), "starttls-front-up");
                up.setDaemon(true);
                up.start();
                pipe(server, tls);
                up.join(5_000);
            }
        } catch (IOException e) {
            // the client or the server went away: the connection ends, as with a real server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            try {
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** One line without its CRLF, read byte by byte so that nothing of the TLS handshake is taken. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
