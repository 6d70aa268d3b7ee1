package dev.userpool.app.http;

import dev.userpool.core.domain.ErrorCode;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use a local-only door (the development mailbox, {@code /metrics}, the local pool's admin
 * operations): a caller whose connection comes from {@code USERPOOL_LOCAL_NETWORKS}, and not a web page.
 *
 * <ul>
 *   <li>The address is the socket's remote address ({@code getRemoteAddr()}: the server has no
 *       forwarded-request customizer, so {@code X-Forwarded-For}, {@code Forwarded} or
 *       {@code X-Real-IP} cannot change it; Javalin's {@code ctx.ip()} is not used).</li>
 *   <li>A request with an {@code Origin} header comes from a web page and never passes: a page on
 *       another site must not reach a door through the browser of someone on this machine.</li>
 *   <li>The {@code Host} header must name this machine — {@code localhost}, an IP address, or the host
 *       of {@code USERPOOL_BASE_URL} — or be absent. Otherwise a page whose own name was re-pointed at
 *       127.0.0.1 (DNS rebinding) would be "same origin" with the door and, on a GET, send no Origin.</li>
 * </ul>
 */
public final class LocalCallers {
    private final CallerNetworks networks;
    private final String publicHost;

    public LocalCallers(CallerNetworks networks, URI baseUrl) {
        this.networks = Objects.requireNonNull(networks, "networks");
        this.publicHost = Optional.ofNullable(baseUrl.getHost()).map(h -> h.toLowerCase(Locale.ROOT)).orElse("");
    }

    public CallerNetworks networks() {
        return networks;
    }

    /** Why {@code ctx} may not use a local-only door; empty when it may. Never echoes a header's value. */
    public Optional<String> refusal(Context ctx) {
        if (ctx.header("Origin") != null) return Optional.of("requests from web pages (with an Origin header) are refused");
        if (!namesThisMachine(ctx.header("Host"))) {
            return Optional.of("the request's Host header does not name this machine (use localhost, an IP address or"
                    + " the host of USERPOOL_BASE_URL)");
        }
        String remote = ctx.req().getRemoteAddr();
        if (remote == null || !networks.containsAddress().test(remote)) {
            return Optional.of("the caller's address " + Optional.ofNullable(remote).orElse("(unknown)")
                    + " is outside " + CallerNetworks.VARIABLE);
        }
        return Optional.empty();
    }

    /** The refusal of {@code door} as the REST API answers it: 403 with the reason. */
    public void require(Context ctx, String door) {
        refusal(ctx).ifPresent(why -> {
            throw new HttpProblem(403, ErrorCode.NOT_AUTHORIZED,
                    "Local-only: " + door + " answers only callers in " + CallerNetworks.VARIABLE + " on this machine: " + why + ".");
        });
    }

    /** For the start-up log: to whom a door that follows these rules is open. */
    public String describe() {
        return "callers in " + networks + " (" + CallerNetworks.VARIABLE + "), never web pages";
    }

    private boolean namesThisMachine(String host) {
        if (host == null || host.isBlank()) return true;   // HTTP/1.0 without Host: no browser sends that
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            name = close < 0 ? name : name.substring(0, close + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("localhost") || name.equals(publicHost) || networks.isAddressLiteral().test(name);
    }
}
