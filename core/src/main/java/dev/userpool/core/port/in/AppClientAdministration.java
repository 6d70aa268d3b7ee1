package dev.userpool.core.port.in;

import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.ResourceServer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator does with the pool's app clients and resource servers (CreateUserPoolClient,
 * CreateResourceServer and kin, and the pool file at start-up). Every change is checked first
 * (nothing is written on a refusal) and records one event (APP_CLIENT_CREATED, APP_CLIENT_UPDATED,
 * APP_CLIENT_DELETED, RESOURCE_SERVER_CREATED, RESOURCE_SERVER_UPDATED, RESOURCE_SERVER_DELETED);
 * reads are not recorded. An unknown client is {@code ResourceNotFound} ("User pool client X does not exist.").
 */
public interface AppClientAdministration {

    /**
     * A new client. Its id is new unless {@code pinnedId} names one (the pool file); with
     * {@code generateSecret} it gets a secret, a new one unless {@code pinnedSecret} gives it.
     */
    AppClient createClient(NewClient cmd);

    /** Replaces everything {@link AppClientSettings} holds, as Cognito's UpdateUserPoolClient; the id and secret stay. */
    AppClient updateClient(ClientChange cmd);

    /** The pool file's step: the client of {@code pinnedId} (or else of its name) replaced, or else created. */
    AppClient putClient(NewClient cmd);

    /** Its tokens stop verifying and its sessions refreshing; the default client may not be deleted. */
    void deleteClient(ClientCommand cmd);

    /** The client of this id, if any: what the Cognito API and the OAuth endpoints check a request's ClientId with. */
    Optional<AppClient> findClient(String clientId);

    /** The client of this id; {@code ResourceNotFound} when there is none. */
    AppClient describeClient(String clientId);

    /** Every client, by id. */
    List<AppClient> listClients();

    ResourceServer createResourceServer(ResourceServerCommand cmd);

    ResourceServer updateResourceServer(ResourceServerCommand cmd);

    /** The pool file's step: replaced when its identifier is in use, else created. */
    ResourceServer putResourceServer(ResourceServerCommand cmd);

    void deleteResourceServer(ResourceServerDeletion cmd);

    /** {@code ResourceNotFound} when there is none. */
    ResourceServer describeResourceServer(String identifier);

    List<ResourceServer> listResourceServers();

    record NewClient(Actor actor, AppClientSettings settings, boolean generateSecret, Optional<String> pinnedId,
                     Optional<String> pinnedSecret, RequestContext context) {
        public NewClient {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(pinnedId, "pinnedId");
            Objects.requireNonNull(pinnedSecret, "pinnedSecret");
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String toString() {
            return "NewClient[actor=" + actor + ", settings=" + settings + ", generateSecret=" + generateSecret
                    + ", pinnedId=" + pinnedId + ", pinnedSecret=" + (pinnedSecret.isPresent() ? "***" : "none") + "]";
        }
    }

    record ClientChange(Actor actor, String clientId, AppClientSettings settings, RequestContext context) {
        public ClientChange {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(context, "context");
        }
    }

    record ClientCommand(Actor actor, String clientId, RequestContext context) {
        public ClientCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(context, "context");
        }
    }

    record ResourceServerCommand(Actor actor, ResourceServer server, RequestContext context) {
        public ResourceServerCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(context, "context");
        }
    }

    record ResourceServerDeletion(Actor actor, String identifier, RequestContext context) {
        public ResourceServerDeletion {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(context, "context");
        }
    }
}
