package dev.userpool.core.service;

import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientCredentials;
import dev.userpool.core.domain.AppClientRules;
import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.AuditEventType;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.domain.ResourceServerRules;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AppClientAdministration;
import dev.userpool.core.port.out.AppClientDirectory;
import dev.userpool.core.port.out.AuditLog;
import dev.userpool.core.port.out.ResourceServerDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's app clients and resource servers: each change is checked by {@link AppClientRules} /
 * {@link ResourceServerRules} against the scopes the resource servers define (nothing is written on a
 * refusal), acts through the directories, and records one event naming the operator. The client id and
 * secret are not part of the event: the audit record has no place for them (and a secret never goes there).
 */
public final class AppClientAdministrationService implements AppClientAdministration {
    private final AppClientDirectory clients;
    private final ResourceServerDirectory servers;
    private final AuditTrail audit;
    private final Clock clock;
    private final String defaultClientId;

    /** @param defaultClientId the client of {@code USERPOOL_CLIENT_ID}, which is always there and may not be deleted */
    public AppClientAdministrationService(AppClientDirectory clients, ResourceServerDirectory servers, AuditLog auditLog,
                                          Clock clock, String defaultClientId) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.audit = new AuditTrail(auditLog, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultClientId = Objects.requireNonNull(defaultClientId, "defaultClientId");
    }

    @Override
    public AppClient createClient(NewClient cmd) {
        var event = audit.begin(AuditEventType.APP_CLIENT_CREATED, "", cmd.context()).actor(cmd.actor());
        AppClient client = audit.validate(event, () -> {
            cmd.pinnedId().ifPresent(AppClientCredentials::checkPinnedId);
            cmd.pinnedSecret().ifPresent(AppClientCredentials::checkPinnedSecret);
            Optional<String> secret = secretOf(cmd, Optional.empty());
            AppClientRules.check(cmd.settings(), customScopes(), secret.isPresent());
            Instant now = clock.instant();
            return cmd.settings().toClient(cmd.pinnedId().orElseGet(AppClientCredentials::newClientId), secret, now, now);
        });
        return audit.run(event, () -> clients.create(client));
    }

    @Override
    public AppClient updateClient(ClientChange cmd) {
        var event = audit.begin(AuditEventType.APP_CLIENT_UPDATED, "", cmd.context()).actor(cmd.actor());
        AppClient stored = audit.validate(event, () -> clients.find(cmd.clientId()).orElseThrow(() -> clientNotFound(cmd.clientId())));
        AppClient updated = audit.validate(event, () -> {
            AppClientRules.check(cmd.settings(), customScopes(), stored.confidential());
            return cmd.settings().toClient(stored.clientId(), stored.secret(), stored.createdAt(), clock.instant());
        });
        return audit.run(event, () -> clients.replace(updated));
    }

    @Override
    public AppClient putClient(NewClient cmd) {
        Optional<AppClient> stored = cmd.pinnedId().isPresent() ? clients.find(cmd.pinnedId().get()) : byName(cmd.settings().name());
        if (stored.isEmpty()) return createClient(cmd);
        AppClient before = stored.get();
        var event = audit.begin(AuditEventType.APP_CLIENT_UPDATED, "", cmd.context()).actor(cmd.actor());
        AppClient updated = audit.validate(event, () -> {
            cmd.pinnedSecret().ifPresent(AppClientCredentials::checkPinnedSecret);
            Optional<String> secret = secretOf(cmd, before.secret());
            AppClientRules.check(cmd.settings(), customScopes(), secret.isPresent());
            return cmd.settings().toClient(before.clientId(), secret, before.createdAt(), before.lastModifiedAt());
        });
        // nothing changed (the pool file read again at a restart): nothing to write, nothing happened
        if (updated.equals(before)) return before;
        AppClient changed = cmd.settings().toClient(updated.clientId(), updated.secret(), before.createdAt(), clock.instant());
        return audit.run(event, () -> clients.replace(changed));
    }

    /** The pinned secret; else with GenerateSecret the one it has or a new one; else none. */
    private static Optional<String> secretOf(NewClient cmd, Optional<String> current) {
        if (cmd.pinnedSecret().isPresent()) return cmd.pinnedSecret();
        if (!cmd.generateSecret()) return Optional.empty();
        return Optional.of(current.orElseGet(AppClientCredentials::newSecret));
    }

    private Optional<AppClient> byName(String name) {
        List<AppClient> named = clients.list().stream().filter(c -> c.name().equals(name)).toList();
        if (named.size() > 1) {
            throw new UserPoolException(ErrorCode.INVALID_PARAMETER, named.size() + " clients are named " + name
                    + ": give the ClientId of the one meant.");
        }
        return named.stream().findFirst();
    }

    @Override
    public void deleteClient(ClientCommand cmd) {
        var event = audit.begin(AuditEventType.APP_CLIENT_DELETED, "", cmd.context()).actor(cmd.actor());
        audit.validate(event, () -> {
            if (cmd.clientId().equals(defaultClientId)) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER, "User pool client " + defaultClientId
                        + " is this pool's default client (USERPOOL_CLIENT_ID) and cannot be deleted.");
            }
            return null;
        });
        audit.run(event, () -> {
            clients.delete(cmd.clientId());
            return null;
        });
    }

    @Override
    public Optional<AppClient> findClient(String clientId) {
        if (clientId == null || clientId.isBlank()) return Optional.empty();
        return clients.find(clientId);
    }

    @Override
    public AppClient describeClient(String clientId) {
        return findClient(clientId).orElseThrow(() -> clientNotFound(clientId));
    }

    @Override
    public List<AppClient> listClients() {
        return clients.list();
    }

    @Override
    public ResourceServer createResourceServer(ResourceServerCommand cmd) {
        var event = audit.begin(AuditEventType.RESOURCE_SERVER_CREATED, "", cmd.context()).actor(cmd.actor());
        audit.validate(event, () -> {
            ResourceServerRules.check(cmd.server());
            return null;
        });
        return audit.run(event, () -> servers.create(cmd.server()));
    }

    @Override
    public ResourceServer updateResourceServer(ResourceServerCommand cmd) {
        var event = audit.begin(AuditEventType.RESOURCE_SERVER_UPDATED, "", cmd.context()).actor(cmd.actor());
        audit.validate(event, () -> {
            ResourceServerRules.check(cmd.server());
            if (servers.find(cmd.server().identifier()).isEmpty()) throw ResourceServerRules.notFound(cmd.server().identifier());
            return null;
        });
        return audit.run(event, () -> servers.replace(cmd.server()));
    }

    @Override
    public ResourceServer putResourceServer(ResourceServerCommand cmd) {
        Optional<ResourceServer> stored = servers.find(cmd.server().identifier());
        if (stored.isEmpty()) return createResourceServer(cmd);
        if (stored.get().equals(cmd.server())) return stored.get();
        return updateResourceServer(cmd);
    }

    @Override
    public void deleteResourceServer(ResourceServerDeletion cmd) {
        var event = audit.begin(AuditEventType.RESOURCE_SERVER_DELETED, "", cmd.context()).actor(cmd.actor());
        audit.run(event, () -> {
            servers.delete(cmd.identifier());
            return null;
        });
    }

    @Override
    public ResourceServer describeResourceServer(String identifier) {
        return servers.find(identifier).orElseThrow(() -> ResourceServerRules.notFound(identifier));
    }

    @Override
    public List<ResourceServer> listResourceServers() {
        return servers.list();
    }

    private Set<String> customScopes() {
        Set<String> scopes = new HashSet<>();
        for (ResourceServer s : servers.list()) scopes.addAll(s.scopeNames());
        return scopes;
    }

    static UserPoolException clientNotFound(String clientId) {
        return new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "User pool client " + clientId + " does not exist.");
    }
}
