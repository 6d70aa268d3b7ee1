package dev.userpool.app.http.cognito;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.RequestContext;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request context of a server-side call (AdminInitiateAuth, AdminRespondToAuthChallenge): a backend
 * calls on its user's behalf, so where the user is comes from Cognito's {@code ContextData} —
 * {@code IpAddress} and the {@code User-Agent} of {@code HttpHeaders} — and the backend's own socket
 * address only when there is none. Only admin callers reach these operations, so what they say is taken
 * as said; it is checked to be an IP address and capped, because it goes into the audit trail.
 */
final class ContextData {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(:" + IPV4.pattern() + ")?");
    private static final int MAX_IPV6 = 45;
    private static final int MAX_USER_AGENT = 256;

    private ContextData() {}

    static RequestContext requestContext(CognitoRequest request, Context ctx) {
        RequestContext socket = RequestContexts.of(ctx);
        Optional<CognitoRequest> data = request.object("ContextData");
        if (data.isEmpty()) return socket;
        CognitoRequest d = data.get();
        // Cognito's ContextDataType requires all four members
        String ip = required(d, "IpAddress");
        required(d, "ServerName");
        required(d, "ServerPath");
        if (!d.hasMember("HttpHeaders")) throw missing("HttpHeaders");
        if (!isIpAddress(ip)) throw CognitoError.invalidParameter("ContextData.IpAddress is not an IP address.");
        Optional<String> agent = d.objects("HttpHeaders").stream()
                .filter(h -> header(h, "headerName").map(n -> n.toLowerCase(Locale.ROOT).equals("user-agent")).orElse(false))
                .map(h -> header(h, "headerValue").orElse(""))
                .filter(v -> !v.isBlank())
                .map(v -> v.length() > MAX_USER_AGENT ? v.substring(0, MAX_USER_AGENT) : v)
                .findFirst();
        return new RequestContext(socket.requestId(), Optional.of(ip), agent);
    }

    static boolean isIpAddress(String s) {
        return IPV4.matcher(s).matches() || (s.length() <= MAX_IPV6 && IPV6.matcher(s).matches());
    }

    /** The wire names are {@code headerName} and {@code headerValue}; the capitalised spelling some SDKs print is taken too. */
    private static Optional<String> header(CognitoRequest h, String member) {
        Optional<String> value = h.optional(member);
        return value.isPresent() ? value : h.optional(Character.toUpperCase(member.charAt(0)) + member.substring(1));
    }

    private static String required(CognitoRequest d, String member) {
        return d.optional(member).orElseThrow(() -> missing(member));
    }

    private static CognitoError missing(String member) {
        return CognitoError.invalidParameter("1 validation error detected: Value null at 'contextData."
                + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }
}
