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
 * The admin operations: AdminConfirmSignUp, AdminGetUser, AdminUpdateUserAttributes, AdminDisableUser,
 * AdminEnableUser, AdminDeleteUser, AdminUserGlobalSignOut and ListUsers, through the Administration use
 * cases. On AWS these are signed with IAM credentials and the caller is an IAM principal, not a user of
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

    /** Only {@code email_verified = true} can change here: the address is the username, and the status is the state machine's. */
    Map<String, Object> updateUserAttributes(CognitoRequest request, Context ctx) {
        AdminCommand command = command(request, ctx);
        List<CognitoRequest.Attribute> attributes = request.attributes("UserAttributes");
        if (attributes.isEmpty()) throw CognitoError.missing("UserAttributes");
        for (CognitoRequest.Attribute a : attributes) {
            if (!a.name().equals("email_verified") || !a.value().equalsIgnoreCase("true")) {
                throw CognitoError.invalidParameter("This pool can only set email_verified to true (" + a.name()
                        + " cannot be changed: the email address is the username).");
            }
        }
        administration.verifyEmail(command);
        return Map.of();
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

    /** ListUsers with Cognito's Filter, Limit (1–60, default 60) and PaginationToken. */
    Map<String, Object> listUsers(CognitoRequest request, Context ctx) {
        ListUsersFilter filter = ListUsersFilter.parse(request.optional("Filter"));
        int limit = request.integer("Limit").orElse(PageRequest.MAX_LIMIT);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }
        Optional<String> token = request.optional("PaginationToken");
        if (filter.matchesNothing()) return ordered("Users", List.of());
        if (filter.sub().isPresent()) return ordered("Users", bySub(filter.sub().get()));
        Page<User> page = administration.listUsers(filter.filter(), new PageRequest(limit, token));
        List<Map<String, Object>> users = page.items().stream().filter(filter.matches()).map(u -> user(u, "Attributes")).toList();
        Map<String, Object> answer = ordered("Users", users);
        page.nextCursor().ifPresent(next -> answer.put("PaginationToken", next));
        return answer;
    }

    private List<Map<String, Object>> bySub(String sub) {
        try {
            return List.of(user(administration.findUserById(sub), "Attributes"));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_FOUND) return List.of();
            throw e;
        }
    }

    private AdminCommand command(CognitoRequest request, Context ctx) {
        return new AdminCommand(Actor.system(), request.required("Username"), RequestContexts.of(ctx));
    }
}
