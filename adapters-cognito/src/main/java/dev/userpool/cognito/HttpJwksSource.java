package dev.userpool.cognito;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Fetches the JWKS over HTTPS (HTTP for an emulator), with a bounded wait. */
final class HttpJwksSource implements JwksSource {
    private static final int MAX_BYTES = 256 * 1024;   // a pool has two keys; anything this large is not its JWKS

    private final URI uri;
    private final Duration timeout;
    private final HttpClient http;

    HttpJwksSource(URI uri, Duration timeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() != 200) throw new IOException(uri + " answered HTTP " + response.statusCode());
        if (response.body().length > MAX_BYTES) throw new IOException(uri + " answered more than " + MAX_BYTES + " bytes");
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
