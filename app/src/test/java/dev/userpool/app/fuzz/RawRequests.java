package dev.userpool.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Requests no well-behaved client sends, written on a socket: garbage request lines, an empty target,
 * oversized headers, bodies longer or shorter than their Content-Length, chunked bodies, a body over the
 * limit on both APIs.
 */
final class RawRequests {
    record Raw(String what, byte[] bytes) {
        String describe() {
            return BlackBoxFuzzer.abbreviate(new String(bytes, StandardCharsets.ISO_8859_1), 300);
        }
    }

    private RawRequests() {}

    static Raw any(Random random, URI base) {
        String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
        String path = RequestTemplates.pick(random, List.of("/api/signup", "/", "/api/signin", "/api/admin/users", "/health"));
        String cognito = path.equals("/") ? "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService.SignUp\r\n"
                : "Content-Type: application/json\r\n";
        String json = "{\"email\":\"raw@example.com\",\"password\":\"Raw-Horse-9!\",\"ClientId\":\"userpool-local\",\"Username\":\"raw@example.com\"}";
        return switch (random.nextInt(10)) {
            case 0 -> new Raw("garbage request line", (RequestTemplates.randomText(random, 1 + random.nextInt(200)) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            case 1 -> new Raw("empty target", ("GET  HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
            case 2 -> new Raw("huge header", ("GET /health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(10_000 + random.nextInt(60_000))
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            case 3 -> new Raw("short body", ("POST " + path + " HTTP/1.1\r\n" + host + cognito + "Content-Length: 500\r\nConnection: close\r\n\r\n"
                    + json).getBytes(StandardCharsets.UTF_8));
            case 4 -> new Raw("long body", ("POST " + path + " HTTP/1.1\r\n" + host + cognito + "Content-Length: 10\r\nConnection: close\r\n\r\n"
                    + json).getBytes(StandardCharsets.UTF_8));
            case 5 -> new Raw("chunked body over the limit", chunked(path, host, cognito, 70_000 + random.nextInt(200_000)));
            case 6 -> new Raw("chunked body", chunked(path, host, cognito, 0));
            case 7 -> new Raw("declared body over the limit", ("POST " + path + " HTTP/1.1\r\n" + host + cognito
                    + "Content-Length: 104857600\r\nConnection: close\r\n\r\n" + json).getBytes(StandardCharsets.UTF_8));
            case 8 -> new Raw("odd request line", (RequestTemplates.pick(random, List.of("get /health HTTP/1.1", "GET /health HTTP/9.9",
                    "GET http://evil.example/health HTTP/1.1", "GET /health", "GET /%ZZ HTTP/1.1", "GET /..%2f..%2fetc/passwd HTTP/1.1",
                    "POST / HTTP/1.0", "BREW /health HTTP/1.1")) + "\r\n" + host + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            default -> new Raw("bad header", ("GET /health HTTP/1.1\r\n" + host + RequestTemplates.randomText(random, 40).replace("\r", "")
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] chunked(String path, String host, String type, int padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "POST " + path + " HTTP/1.1\r\n" + host + type + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        String body = "{\"email\":\"chunk@example.com\",\"pad\":\"" + "p".repeat(padding) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at < bytes.length; at += 8192) {
            int n = Math.min(8192, bytes.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
