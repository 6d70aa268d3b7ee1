package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.RequestContext;
import dev.userpool.core.domain.ResourceServer;
import dev.userpool.core.port.in.AppClientAdministration;
import dev.userpool.core.port.in.AppClientAdministration.ResourceServerCommand;
import dev.userpool.core.port.in.AppClientAdministration.ResourceServerDeletion;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resource-server operations: CreateResourceServer, DescribeResourceServer, ListResourceServers,
 * UpdateResourceServer and DeleteResourceServer, in Cognito's shapes (ResourceServerType). Their scopes are
 * the custom scopes ({@code identifier/scope}) app clients may be allowed. Admin operations like
 * {@link AppClientOperations}.
 */
final class ResourceServerOperations {
    private static final int MAX_LIST = 50;

    private final AppClientAdministration admin;
    private final LocalPool pool;

    ResourceServerOperations(AppClientAdministration admin, LocalPool pool) {
        this.admin = admin;
        this.pool = pool;
    }

    Map<String, Object> createResourceServer(CognitoRequest request, Context ctx) {
        return ordered("ResourceServer", shape(admin.createResourceServer(command(request, RequestContexts.of(ctx))), pool.userPoolId()));
    }

    Map<String, Object> updateResourceServer(CognitoRequest request, Context ctx) {
        return ordered("ResourceServer", shape(admin.updateResourceServer(command(request, RequestContexts.of(ctx))), pool.userPoolId()));
    }

    Map<String, Object> describeResourceServer(CognitoRequest request, Context ctx) {
        return ordered("ResourceServer", shape(admin.describeResourceServer(request.required("Identifier")), pool.userPoolId()));
    }

    Map<String, Object> deleteResourceServer(CognitoRequest request, Context ctx) {
        admin.deleteResourceServer(new ResourceServerDeletion(Actor.system(), request.required("Identifier"), RequestContexts.of(ctx)));
        return Map.of();
    }

    Map<String, Object> listResourceServers(CognitoRequest request, Context ctx) {
        return AppClientOperations.page(request, admin.listResourceServers(), ResourceServer::identifier, MAX_LIST, "ResourceServers",
                s -> shape(s, pool.userPoolId()));
    }

    /** CreateResourceServer's (and UpdateResourceServer's, and a pool file entry's) Identifier, Name and Scopes. */
    static ResourceServerCommand command(CognitoRequest request, RequestContext context) {
        List<ResourceServer.Scope> scopes = new ArrayList<>();
        for (CognitoRequest scope : request.objects("Scopes")) {
            scopes.add(new ResourceServer.Scope(scope.required("ScopeName"), scope.required("ScopeDescription")));
        }
        return new ResourceServerCommand(Actor.system(), new ResourceServer(request.required("Identifier"), request.required("Name"),
                scopes), context);
    }

    static Map<String, Object> shape(ResourceServer s, String userPoolId) {
        Map<String, Object> shape = ordered("UserPoolId", userPoolId, "Identifier", s.identifier(), "Name", s.name());
        shape.put("Scopes", s.scopes().stream().map(scope -> ordered("ScopeName", scope.name(), "ScopeDescription",
                scope.description())).toList());
        return shape;
    }
}
