package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;
import static dev.userpool.app.http.cognito.CognitoShapes.user;

import dev.userpool.app.http.RequestContexts;
import dev.userpool.core.domain.Actor;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.Administration;
import dev.userpool.core.port.in.Administration.AdminCommand;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin operations: AdminConfirmSignUp, AdminGetUser, AdminDisableUser, AdminEnableUser,
 * AdminDeleteUser and AdminUserGlobalSignOut, through the Administration use cases (attributes and
 * ListUsers: {@link AttributeOperations}, {@link ListUsersOperation}). On AWS these are signed with IAM credentials and the caller is an IAM principal, not a user of
 * the pool; here the signature is not checked, the caller is accepted by {@link LocalPool#requireAdminCaller}
 * and every action is recorded with the actor {@code SYSTEM}, like the operator's console.
 */
final class AdminOperations {
    private final Administration administration;
    private final LocalPool pool;

    AdminOperations(Administration administration, LocalPool pool) {
        this.administration = administration;
        this.pool = pool;
    }

    /** Wraps an admin operation with the pool and caller checks. */
    Operation guarded(String name, Operation operation) {
        return (request, ctx) -> {
            pool.requireAdminCaller(ctx, name);
            pool.requireUserPool(request);
            return operation.run(request, ctx);
        };
    }

    Map<String, Object> confirmSignUp(CognitoRequest request, Context ctx) {
        administration.confirm(command(request, ctx));
        return Map.of();
    }

    Map<String, Object> getUser(CognitoRequest request, Context ctx) {
        return user(administration.findUser(request.required("Username")), "UserAttributes");
    }

    Map<String, Object> disableUser(CognitoRequest request, Context ctx) {
        administration.disable(command(request, ctx));
        return Map.of();
    }

    Map<String, Object> enableUser(CognitoRequest request, Context ctx) {
        administration.enable(command(request, ctx));
        return Map.of();
    }

    Map<String, Object> deleteUser(CognitoRequest request, Context ctx) {
        administration.delete(command(request, ctx));
        return Map.of();
    }

    Map<String, Object> userGlobalSignOut(CognitoRequest request, Context ctx) {
        administration.signOut(command(request, ctx));
        return Map.of();
    }

    private AdminCommand command(CognitoRequest request, Context ctx) {
        return new AdminCommand(Actor.system(), request.required("Username"), RequestContexts.of(ctx));
    }
}
