package dev.userpool.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.app.http.cognito.CognitoApi;
import dev.userpool.app.http.oauth.OAuthEndpoints;
import dev.userpool.app.http.pages.AppPages;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.AddressChange;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.AuditQueries;
import dev.userpool.core.port.in.GroupAdministration;
import dev.userpool.core.port.in.Authentication;
import dev.userpool.core.port.in.PasswordAdministration;
import dev.userpool.core.port.in.Registration;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound HTTP adapter: the JSON API, Cognito's user-pool API on {@code POST /}, the discovery
 * documents, the app's pages ({@link AppPages}, in one layout) and the static files of {@code public/}
 * (scripts, styles, the {@code /wildrydes/} walk-through), on one Javalin server. The local-only doors
 * (mailbox, metrics, the pool's admin operations) answer only {@link LocalCallers}; every answer carries
 * the {@link SecurityHeaders}.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final LocalDoors doors;
    private final ObjectMapper json;

    public ApiServer(Registration registration, Authentication authentication, Administration administration,
                     AccountAttributes attributes, AuditQueries auditQueries, LocalEndpoints local, LocalCallers callers,
                     PrometheusMeterRegistry prometheus, ObjectMapper json, URI issuer, Clock clock,
                     AddressChange addressChange) {
        this(registration, authentication, administration, attributes, auditQueries, local, callers, prometheus, json, issuer, clock,
                CognitoApi.notServed("This server does not serve Cognito's user-pool API.", json), ReplicaStatus.none(),
                Optional.empty(), Optional.empty(), addressChange, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ApiServer(Registration registration, Authentication authentication, Administration administration,
                     AccountAttributes attributes, AuditQueries auditQueries, LocalEndpoints local, LocalCallers callers,
                     PrometheusMeterRegistry prometheus, ObjectMapper json, URI issuer, Clock clock, CognitoApi cognitoApi,
                     ReplicaStatus replica, Optional<PasswordAdministration> passwords, Optional<GroupAdministration> groups,
                     AddressChange addressChange, Optional<dev.userpool.core.port.in.Passkeys> passkeys,
                     Optional<dev.userpool.core.port.in.PasskeyAuthentication> passkeySignIn,
                     Optional<dev.userpool.core.port.in.MultiFactor> multiFactor, Optional<OAuthEndpoints> oauth) {
        this.json = json;
        HttpMetrics metrics = new HttpMetrics(prometheus);
        Problems problems = new Problems(json);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = RequestBodies.MAX_BYTES;
            config.jetty.modifyServer(RefusedBodyConnections::installOnConnectors);
            config.jsonMapper(new JavalinJackson(json, false));
            config.router.ignoreTrailingSlashes = true;
            problems.install(config);
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(ctx -> {
            RequestContexts.assign(ctx);
            metrics.start(ctx);
            SecurityHeaders.apply(ctx);
        });
        app.after(ctx -> {
            metrics.finish(ctx);
            RequestContexts.release();
        });
        problems.install(app);
        new RegistrationRoutes(registration, local, json).install(app);
        new SessionRoutes(authentication, attributes.policy(), metrics, json).install(app);
        new AttributeRoutes(attributes, authentication, json).install(app);
        new EmailRoutes(addressChange, json).install(app);
        new AdminRoutes(administration, auditQueries, clock).install(app);
        new NewPasswordRoutes(authentication, json).install(app);
        passwords.ifPresent(p -> new InvitationRoutes(administration, p, json).install(app));
        groups.ifPresent(g -> new AdminGroupRoutes(administration, g, json).install(app));
        PasskeyRoutes.of(passkeys, passkeySignIn, administration, json).ifPresent(p -> p.install(app));   // issue 14
        // authenticator apps (issue 14, TOTP MFA); apps show the accounts under this server's host name
        multiFactor.ifPresent(m -> new MfaRoutes(m, authentication, administration, issuer.getHost(), json).install(app));
        new PlatformRoutes(local, replica, callers, prometheus, issuer, cognitoApi.userPoolId(), oauth).install(app);
        oauth.ifPresent(endpoints -> endpoints.install(app));   // issue 15: the OAuth 2.0 / OIDC endpoints and managed login
        new AppPages().install(app);
        cognitoApi.install(app);
        this.doors = new LocalDoors(callers, local.mailbox().isPresent(), cognitoApi.adminCallers());
    }

    /** Adds sign-in with an emailed code (issue 14, {@link EmailCodeRoutes}); call before {@link #start}. */
    public ApiServer serveEmailCodes(dev.userpool.core.port.in.ChoiceBasedSignIn choiceBasedSignIn) {
        new EmailCodeRoutes(choiceBasedSignIn, json).install(app);
        return this;
    }

    /** Starts listening; returns the port (useful when 0 asked for a free one). */
    public int start(String host, int port) {
        app.start(host, port);
        doors.log(LOG);
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
