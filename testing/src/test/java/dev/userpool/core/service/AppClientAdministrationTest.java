package dev.userpool.core.service;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.event.AuditEvent;
import dev.userpool.core.event.Outcome;
import dev.userpool.core.port.in.AppClientAdministration.ClientChange;
import dev.userpool.core.port.in.AppClientAdministration.ClientCommand;
import dev.userpool.core.port.in.AppClientAdministration.NewClient;
import dev.userpool.core.port.in.AppClientAdministration.ResourceServerCommand;
import dev.userpool.core.testing.InMemoryAppClientDirectory;
import dev.userpool.core.testing.InMemoryAuditLog;
import dev.userpool.core.testing.InMemoryResourceServerDirectory;
import dev.userpool.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operator's app-client and resource-server use cases: Cognito's rules and errors, ids and secrets
 * shaped like Cognito's, one event per change, nothing written on a refusal, the default client kept.
 */
class AppClientAdministrationTest {
    private static final RequestContext CONTEXT = RequestContext.internal("test");
    private final InMemoryAppClientDirectory clients = new InMemoryAppClientDirectory();
    private final InMemoryResourceServerDirectory servers = new InMemoryResourceServerDirectory();
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final MutableClock clock = MutableClock.at("2026-12-06T08:00:00Z");
    private final AppClientAdministrationService admin = new AppClientAdministrationService(clients, servers, log, clock, "default-client");

    private static AppClientSettings web() {
        return new AppClientSettings("web app", Set.of("code"), Set.of("openid", "email"), List.of("https://app.example.com/cb"),
                List.of("https://app.example.com/"), Set.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofDays(30), Set.of("COGNITO"), true, true, true,
                Optional.empty(), Duration.ofMinutes(3));
    }

    private static AppClientSettings withUrls(List<String> callbacks) {
        AppClientSettings w = web();
        return new AppClientSettings(w.name(), w.allowedOAuthFlows(), w.allowedScopes(), callbacks, w.logoutUrls(),
                w.explicitAuthFlows(), w.idTokenValidity(), w.accessTokenValidity(), w.refreshTokenValidity(),
                w.supportedIdentityProviders(), true, true, true, Optional.empty(), w.authSessionValidity());
    }

    private static AppClientSettings machine(Set<String> scopes) {
        return new AppClientSettings("machine", Set.of("client_credentials"), scopes, List.of(), List.of(), Set.of(),
                Duration.ofMinutes(60), Duration.ofMinutes(60), Duration.ofDays(30), Set.of("COGNITO"), true, true, true,
                Optional.empty(), Duration.ofMinutes(3));
    }

    private AppClient create(AppClientSettings settings, boolean secret) {
        return admin.createClient(new NewClient(Actor.system(), settings, secret, Optional.empty(), Optional.empty(), CONTEXT));
    }

    private UserPoolException refusedCreating(AppClientSettings settings, boolean secret, ErrorCode code) {
        int before = log.size();
        UserPoolException e = assertRefused(() -> create(settings, secret), code);
        assertThat(clients.list()).isEmpty();
        assertThat(log.size()).isEqualTo(before + 1);
        assertThat(log.all().get(log.size() - 1).outcome()).isEqualTo(Outcome.FAILURE);
        return e;
    }

    @Test
    void aNewClientGetsCognitoShapedIdAndSecretAndOneEvent() {
        AppClient client = create(web(), true);
        assertThat(client.clientId()).matches("[a-z0-9]{26}");
        assertThat(client.secret()).hasValueSatisfying(s -> assertThat(s).matches("[a-z0-9]{51}"));
        assertThat(client.createdAt()).isEqualTo(clock.instant());
        assertThat(admin.describeClient(client.clientId())).isEqualTo(client);
        AuditEvent event = log.all().get(0);
        assertThat(event.type()).isEqualTo(AuditEventType.APP_CLIENT_CREATED);
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.toString()).doesNotContain(client.secret().get());
        assertThat(client.toString()).doesNotContain(client.secret().get());
        assertThat(create(web(), false).secret()).isEmpty();
    }

    @Test
    void callbackUrlsMustBeAbsoluteHttpsOrLocalhostWithoutFragment() {
        assertThat(refusedCreating(withUrls(List.of("/cb")), false, ErrorCode.INVALID_PARAMETER)).hasMessageContaining("absolute");
        assertThat(refusedCreating(withUrls(List.of("http://app.example.com/cb")), false, ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("HTTPS");
        assertThat(refusedCreating(withUrls(List.of("https://app.example.com/cb#x")), false, ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("fragment");
        List<String> many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "https://a.example.com/" + i).toList();
        refusedCreating(withUrls(many), false, ErrorCode.INVALID_PARAMETER);
        // what is allowed: localhost over HTTP, an app's own scheme, 100 URLs
        create(withUrls(List.of("http://localhost:3000/cb", "myapp://callback")), false);
        create(withUrls(many.subList(0, 100)), false);
    }

    @Test
    void codeFlowNeedsCallbackUrls() {
        assertThat(refusedCreating(withUrls(List.of()), false, ErrorCode.INVALID_OAUTH_FLOW))
                .hasMessage("CallbackUrls can not be empty when code flow or implicit flow is selected");
    }

    @Test
    void clientCredentialsNeedASecretAndCustomScopesOnly() {
        servers.create(new ResourceServer("orders", "Orders", List.of(new ResourceServer.Scope("read", "Read"))));
        assertThat(refusedCreating(machine(Set.of("orders/read")), false, ErrorCode.INVALID_OAUTH_FLOW))
                .hasMessage("client_credentials flow can not be selected if client does not have a client secret.");
        refusedCreating(machine(Set.of("openid")), true, ErrorCode.INVALID_OAUTH_FLOW);
        assertThat(create(machine(Set.of("orders/read")), true).allowedScopes()).containsExactly("orders/read");
    }

    @Test
    void anUnknownScopeIsRefused() {
        AppClientSettings w = web();
        AppClientSettings bad = new AppClientSettings(w.name(), w.allowedOAuthFlows(), Set.of("openid", "orders/read"),
                w.callbackUrls(), w.logoutUrls(), w.explicitAuthFlows(), w.idTokenValidity(), w.accessTokenValidity(),
                w.refreshTokenValidity(), w.supportedIdentityProviders(), true, true, true, Optional.empty(), w.authSessionValidity());
        assertThat(refusedCreating(bad, false, ErrorCode.SCOPE_DOES_NOT_EXIST)).hasMessage("Invalid scope requested: orders/read");
    }

    @Test
    void badNamesFlowsAndValiditiesAreRefused() {
        refusedCreating(AppClientSettings.defaults("x".repeat(129)), false, ErrorCode.INVALID_PARAMETER);
        refusedCreating(AppClientSettings.defaults("bad/name"), false, ErrorCode.INVALID_PARAMETER);
        refusedCreating(AppClientSettings.defaults("ok").withExplicitAuthFlows(Set.of("USER_PASSWORD_AUTH")), false,
                ErrorCode.INVALID_PARAMETER);
        refusedCreating(AppClientSettings.defaults("ok").withTokenValidities(Duration.ofMinutes(4), Duration.ofHours(1),
                Duration.ofDays(1)), false, ErrorCode.INVALID_PARAMETER);
        refusedCreating(AppClientSettings.defaults("ok").withTokenValidities(Duration.ofHours(1), Duration.ofHours(25),
                Duration.ofDays(1)), false, ErrorCode.INVALID_PARAMETER);
        refusedCreating(AppClientSettings.defaults("ok").withTokenValidities(Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofDays(3651)), false, ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void anUpdateReplacesEverythingAndKeepsIdAndSecret() {
        AppClient client = create(web(), true);
        clock.advance(Duration.ofMinutes(1));
        AppClient updated = admin.updateClient(new ClientChange(Actor.system(), client.clientId(), AppClientSettings.defaults("renamed"), CONTEXT));
        assertThat(updated.secret()).isEqualTo(client.secret());
        assertThat(updated.callbackUrls()).isEmpty();
        assertThat(updated.allowedOAuthFlows()).isEmpty();
        assertThat(updated.explicitAuthFlows()).containsExactlyInAnyOrder("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
        assertThat(updated.lastModifiedAt()).isEqualTo(clock.instant());
        assertThat(updated.createdAt()).isEqualTo(client.createdAt());
        assertThat(log.all().get(log.size() - 1).type()).isEqualTo(AuditEventType.APP_CLIENT_UPDATED);
        assertThat(assertRefused(() -> admin.updateClient(new ClientChange(Actor.system(), "nosuch", web(), CONTEXT)),
                ErrorCode.RESOURCE_NOT_FOUND)).hasMessage("User pool client nosuch does not exist.");
    }

    @Test
    void deletingAClientAndNeverTheDefaultOne() {
        AppClient client = create(web(), false);
        admin.deleteClient(new ClientCommand(Actor.system(), client.clientId(), CONTEXT));
        assertThat(admin.findClient(client.clientId())).isEmpty();
        assertRefused(() -> admin.deleteClient(new ClientCommand(Actor.system(), client.clientId(), CONTEXT)), ErrorCode.RESOURCE_NOT_FOUND);
        admin.putClient(new NewClient(Actor.system(), AppClientSettings.defaults("default"), false, Optional.of("default-client"),
                Optional.empty(), CONTEXT));
        assertRefused(() -> admin.deleteClient(new ClientCommand(Actor.system(), "default-client", CONTEXT)), ErrorCode.INVALID_PARAMETER);
        assertThat(admin.findClient("default-client")).isPresent();
    }

    @Test
    void puttingTheSameClientTwiceChangesNothingAndRecordsNothing() {
        NewClient pinned = new NewClient(Actor.system(), web(), false, Optional.of("pinnedclient1"), Optional.of("pinned-secret"), CONTEXT);
        AppClient first = admin.putClient(pinned);
        int events = log.size();
        clock.advance(Duration.ofHours(1));
        assertThat(admin.putClient(pinned)).isEqualTo(first);
        assertThat(log.size()).isEqualTo(events);
        assertThat(first.clientId()).isEqualTo("pinnedclient1");
        assertThat(first.secret()).contains("pinned-secret");
        AppClient renamed = admin.putClient(new NewClient(Actor.system(), AppClientSettings.defaults("renamed"), false,
                Optional.of("pinnedclient1"), Optional.of("pinned-secret"), CONTEXT));
        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(clients.list()).hasSize(1);
    }

    @Test
    void resourceServersDefineTheCustomScopes() {
        ResourceServer server = new ResourceServer("https://api.example.com", "API", List.of(new ResourceServer.Scope("read", "Read")));
        admin.createResourceServer(new ResourceServerCommand(Actor.system(), server, CONTEXT));
        assertThat(admin.describeResourceServer("https://api.example.com")).isEqualTo(server);
        assertRefused(() -> admin.createResourceServer(new ResourceServerCommand(Actor.system(),
                new ResourceServer("bad\"id", "API", List.of()), CONTEXT)), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> admin.createResourceServer(new ResourceServerCommand(Actor.system(),
                new ResourceServer("x", "API", List.of(new ResourceServer.Scope("a/b", "slash"))), CONTEXT)), ErrorCode.INVALID_PARAMETER);
        assertRefused(() -> admin.describeResourceServer("nosuch"), ErrorCode.RESOURCE_NOT_FOUND);
        assertThat(log.all()).extracting(AuditEvent::type).containsOnly(AuditEventType.RESOURCE_SERVER_CREATED);
    }
}
