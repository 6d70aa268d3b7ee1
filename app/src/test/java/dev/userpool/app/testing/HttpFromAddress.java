package dev.userpool.app.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bare HTTP/1.1 client whose socket is bound to a chosen local address, so a test can call the
 * server "from another machine": Linux routes all of 127.0.0.0/8 to the loopback interface, so a
 * socket bound to 127.0.0.2 reaches a server on 127.0.0.1 with 127.0.0.2 as its source address.
 * ({@code java.net.http} cannot bind its sockets.) One request per connection, {@code Connection: close}.
 */
public final class HttpFromAddress {
    private final InetAddress local;
    private final URI server;

    private HttpFromAddress(InetAddress local, URI server) {
        this.local = local;
        this.server = server;
    }

    /** Calls {@code server} from {@code localAddress} (an address literal such as 127.0.0.2). */
    public static HttpFromAddress boundTo(String localAddress, URI server) {
        try {
            return new HttpFromAddress(InetAddress.getByName(localAddress), server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Reply(int status, Map<String, List<String>> headers, String body) {
        /** The first value of a header (names are case-insensitive). */
        public Optional<String> header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, headers, "");
    }

    public Reply post(String path, Map<String, String> headers, String body) {
        return send("POST", path, headers, body);
    }

    /** {@code headers} may replace {@code Host}; every other header is added as given. */
    public Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", server.getHost() + ":" + server.getPort());
        all.putAll(headers);
        all.put("Connection", "close");
        if (content.length > 0 || method.equals("POST")) all.put("Content-Length", Integer.toString(content.length));
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One answer read from a socket the caller opened itself: the head, then as much body as it declares
     * (or, with neither length nor chunks, up to the end of the connection). Nothing after it is read,
     * so a caller can look at the answer before the server closes the connection.
     */
    public static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/")) throw new IOException("no HTTP answer: " + statusLine);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.substring(colon + 1).strip());
        }
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
                .anyMatch(v -> v.equalsIgnoreCase("chunked"));
        List<String> length = headers.getOrDefault("content-length", List.of());
        byte[] body = chunked ? unchunk(in)
                : !length.isEmpty() ? in.readNBytes(Integer.parseInt(length.get(0)))
                : in.readAllBytes();
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) return body.toByteArray();
            body.write(in.readNBytes(size));
            line(in);   // the CRLF after the chunk
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }
}
