package dev.userpool.app.http;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Health, metrics, the issuer's discovery documents (also under {@code /{poolId}/.well-known/}, where
 * Cognito clients look for them) and, for the embedded pool, the development mailbox. The mailbox (its
 * page and its API) and the metrics are local-only doors: they answer only {@link LocalCallers}.
 */
final class PlatformRoutes {
    static final String MAILBOX = "the development mailbox (/mailbox.html, /api/dev/mailbox)";
    static final String METRICS = "/metrics";

    private final LocalEndpoints local;
    private final ReplicaStatus replica;
    private final LocalCallers callers;
    private final PrometheusMeterRegistry prometheus;
    private final URI issuer;
    private final Optional<String> userPoolId;
    /** Issue 15: the OAuth endpoints, when served, fill the discovery document. */
    private final Optional<dev.userpool.app.http.oauth.OAuthEndpoints> oauth;

    PlatformRoutes(LocalEndpoints local, ReplicaStatus replica, LocalCallers callers, PrometheusMeterRegistry prometheus,
                   URI issuer, Optional<String> userPoolId, Optional<dev.userpool.app.http.oauth.OAuthEndpoints> oauth) {
        this.oauth = oauth;
        this.local = local;
        this.replica = replica;
        this.callers = callers;
        this.prometheus = prometheus;
        this.issuer = issuer;
        this.userPoolId = userPoolId;
    }

    void install(Javalin app) {
        app.get("/health", this::health);
        app.get("/metrics", this::metrics);
        app.get("/.well-known/jwks.json", this::jwks);
        app.get("/.well-known/openid-configuration", this::openIdConfiguration);
        userPoolId.ifPresent(pool -> {
            app.get("/" + pool + "/.well-known/jwks.json", this::jwks);
            app.get("/" + pool + "/.well-known/openid-configuration", this::openIdConfiguration);
        });
        app.get("/api/dev/mailbox", this::mailbox);
        // the page is one of AppPages: it is guarded before its handler serves it
        app.before("/mailbox.html", ctx -> mailboxOrRefuse(ctx));
    }

    /**
     * Up; for the embedded pool how it hashes passwords (which engine a machine really got is no guess);
     * for a replica on DynamoDB and SES what waits in its own audit spool and how it paces SES.
     */
    private void health(Context ctx) {
        Map<String, Object> body = Json.ordered("status", "UP");
        local.passwordHashing().ifPresent(hashing -> body.put("passwordHashing", hashing));
        replica.auditSpool().map(Supplier::get).ifPresent(spool -> body.put("auditSpool",
                Json.ordered("events", spool.events(), "oldestAgeSeconds", spool.oldestAge().toSeconds())));
        replica.sesPacing().map(Supplier::get).ifPresent(pacing -> body.put("sesPacing",
                Json.ordered("mode", pacing.mode(), "ratePerSecond", pacing.ratePerSecond())));
        ctx.json(body);
    }

    private void metrics(Context ctx) {
        callers.require(ctx, METRICS);
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape());
    }

    private void jwks(Context ctx) {
        String keys = local.jwksJson().orElseThrow(() -> notHere("This pool's keys are published by Cognito.")).get();
        ctx.contentType("application/json").header("Cache-Control", "public, max-age=300").result(keys);
    }

    private void openIdConfiguration(Context ctx) {
        if (local.jwksJson().isEmpty()) throw notHere("This pool's discovery document is published by Cognito.");
        String iss = issuer.toString();
        if (oauth.isPresent()) {
            ctx.json(oauth.get().discovery(iss));
            return;
        }
        ctx.json(Json.ordered(
                "issuer", iss,
                "jwks_uri", iss + "/.well-known/jwks.json",
                "response_types_supported", List.of("token"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "scopes_supported", List.of("openid", "email", "aws.cognito.signin.user.admin"),
                "claims_supported", List.of("sub", "email", "email_verified", "cognito:username", "cognito:groups")));
    }

    private void mailbox(Context ctx) {
        LocalEndpoints.Mailbox mailbox = mailboxOrRefuse(ctx);
        String to = ctx.queryParam("to");
        EmailAddress address = EmailAddress.parse(to);
        ctx.json(Map.of("messages", mailbox.messagesTo(address)));
    }

    /** The mailbox exists only with the embedded outbox, and answers only callers on this machine. */
    private LocalEndpoints.Mailbox mailboxOrRefuse(Context ctx) {
        LocalEndpoints.Mailbox mailbox = local.mailbox()
                .orElseThrow(() -> notHere("The development mailbox exists only with the embedded email outbox (USERPOOL_EMAIL=embedded)."));
        callers.require(ctx, MAILBOX);
        return mailbox;
    }

    private static HttpProblem notHere(String why) {
        return new HttpProblem(404, ErrorCode.INVALID_PARAMETER, why);
    }
}
