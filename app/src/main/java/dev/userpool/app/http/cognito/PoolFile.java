package dev.userpool.app.http.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.userpool.core.domain.AppClient;
import dev.userpool.core.domain.AppClientSettings;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AppClientAdministration;
import dev.userpool.core.port.in.AppClientAdministration.NewClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's app clients and resource servers as a project keeps them in git ({@code USERPOOL_POOL_FILE}):
 * a JSON file in the shape of the API calls that make them,
 * <pre>{"ResourceServers": [ {CreateResourceServer's request} ],
 *  "UserPoolClients": [ {CreateUserPoolClient's request, and optionally ClientId and ClientSecret} ]}</pre>
 * applied at each start-up, resource servers first (clients name their scopes): an entry whose
 * Identifier / ClientId (else ClientName) exists replaces it, else it is created; an entry unchanged since
 * the last start changes nothing. The default client's entry, if any, gives its OAuth settings and
 * flows; its id and secret stay the settings' ({@code USERPOOL_CLIENT_ID} / {@code _SECRET}). An error
 * names the file and the entry, and stops the start-up ({@link Refused}).
 */
public final class PoolFile {
    private static final Set<String> TOP = Set.of("ResourceServers", "UserPoolClients");

    private PoolFile() {}

    /** Why a pool file could not be applied: the file, the entry, and Cognito's message. Never a secret. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Makes the pool's default client what the settings and the pool file say: the stored client's OAuth
     * settings (UpdateUserPoolClient's) unless the file gives the default client's entry, with the
     * settings' id, secret and flows ({@code defaultClient}). Then applies the file's entries, if a file is given.
     */
    public static void apply(Optional<Path> file, AppClient defaultClient, AppClientAdministration admin, ObjectMapper json) {
        Objects.requireNonNull(defaultClient, "defaultClient");
        RequestContext context = RequestContext.internal("start-up");
        JsonNode root = file.map(f -> read(f, json)).orElse(json.createObjectNode());
        String where = file.map(f -> "USERPOOL_POOL_FILE=" + f).orElse("");
        boolean defaultInFile = false;
        for (JsonNode entry : root.path("UserPoolClients")) {
            if (defaultClient.clientId().equals(entry.path("ClientId").asText(null))) defaultInFile = true;
        }
        if (!defaultInFile) {
            // keep what the client was given through the API; the flows and lifetimes are the settings'
            AppClient stored = admin.findClient(defaultClient.clientId()).orElse(defaultClient);
            AppClientSettings settings = AppClientSettings.of(stored).withExplicitAuthFlows(defaultClient.explicitAuthFlows())
                    .withTokenValidities(defaultClient.idTokenValidity(), defaultClient.accessTokenValidity(),
                            defaultClient.refreshTokenValidity());
            admin.putClient(new NewClient(dev.userpool.core.domain.Actor.system(), settings, false,
                    Optional.of(defaultClient.clientId()), defaultClient.secret(), context));
        }
        int i = 0;
        for (JsonNode entry : root.path("ResourceServers")) {
            String name = "ResourceServers[" + i++ + "] (Identifier " + entry.path("Identifier").asText("?") + ")";
            run(where, name, () -> admin.putResourceServer(ResourceServerOperations.command(request(entry, json), context)));
        }
        i = 0;
        for (JsonNode entry : root.path("UserPoolClients")) {
            String name = "UserPoolClients[" + i++ + "] (ClientName " + entry.path("ClientName").asText("?") + ")";
            run(where, name, () -> {
                CognitoRequest request = request(entry, json);
                Optional<String> pinnedId = request.optional("ClientId");
                Optional<String> pinnedSecret = request.optional("ClientSecret");
                if (pinnedId.isPresent() && pinnedId.get().equals(defaultClient.clientId())) {
                    if (pinnedSecret.isPresent() || request.bool("GenerateSecret").orElse(false)) {
                        throw CognitoError.invalidParameter("the default client's secret is USERPOOL_CLIENT_SECRET's:"
                                + " leave ClientSecret and GenerateSecret out of its entry");
                    }
                    pinnedSecret = defaultClient.secret();
                }
                return admin.putClient(AppClientOperations.newClient(request, pinnedId, pinnedSecret, context));
            });
        }
    }

    private static JsonNode read(Path file, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Refused("USERPOOL_POOL_FILE=" + file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new Refused("USERPOOL_POOL_FILE=" + file + " must hold a JSON object.");
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP.contains(name)) {
                throw new Refused("USERPOOL_POOL_FILE=" + file + ": unknown member " + name + " (expected ResourceServers, UserPoolClients).");
            }
            if (!root.get(name).isArray()) throw new Refused("USERPOOL_POOL_FILE=" + file + ": " + name + " must be a list.");
        }
        return root;
    }

    private static CognitoRequest request(JsonNode entry, ObjectMapper json) {
        if (!entry.isObject()) throw CognitoError.invalidParameter("an entry must be a JSON object");
        try {
            return CognitoRequest.parse(json.writeValueAsBytes(entry), json);
        } catch (IOException e) {
            throw CognitoError.invalidParameter("an entry must be a JSON object");
        }
    }

    private static void run(String where, String entry, java.util.function.Supplier<?> step) {
        try {
            step.get();
        } catch (CognitoError e) {
            throw new Refused(where + ": " + entry + ": " + e.type() + ": " + e.getMessage());
        } catch (UserPoolException e) {
            CognitoError wire = CognitoWireErrors.of(e);
            throw new Refused(where + ": " + entry + ": " + wire.type() + ": " + wire.getMessage());
        }
    }
}
