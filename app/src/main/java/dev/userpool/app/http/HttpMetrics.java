package dev.userpool.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.javalin.http.Context;
import java.util.concurrent.TimeUnit;

/** Request counts and latencies by route and status, and sign-ins by outcome. */
public final class HttpMetrics {
    private static final String STARTED = "userpool.started";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void finish(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) return;
        Timer.builder("userpool.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    void signIn(String outcome) {
        Counter.builder("userpool.sign.ins").description("Sign-in attempts by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** The matched route pattern, so that /api/admin/users/{email} is one series, not one per address. */
    private static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() ? "other" : path;
        } catch (RuntimeException e) {
            return "other";   // static files and unknown paths
        }
    }
}
