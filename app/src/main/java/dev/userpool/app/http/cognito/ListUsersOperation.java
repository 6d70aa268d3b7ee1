package dev.userpool.app.http.cognito;

import static dev.userpool.app.http.cognito.CognitoShapes.ordered;
import static dev.userpool.app.http.cognito.CognitoShapes.user;

import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.port.in.AccountAttributes;
import dev.userpool.core.port.in.Administration;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ListUsers with Cognito's Filter (every attribute Cognito filters on, {@code =} and {@code ^=}),
 * AttributesToGet (only those attributes, each of the schema), Limit (1–60, default 60) and
 * PaginationToken.
 */
final class ListUsersOperation {
    /** Cognito's answer to an AttributesToGet naming an attribute the schema does not have. */
    static final String NO_SUCH_ATTRIBUTE = "One or more requested attributes do not exist.";

    private final Administration administration;
    private final AccountAttributes attributes;

    ListUsersOperation(Administration administration, AccountAttributes attributes) {
        this.administration = administration;
        this.attributes = attributes;
    }

    Map<String, Object> listUsers(CognitoRequest request, Context ctx) {
        ListUsersFilter filter = ListUsersFilter.parse(request.optional("Filter"));
        int limit = request.integer("Limit").orElse(PageRequest.MAX_LIMIT);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw CognitoError.invalidParameter("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }
        Predicate<String> shown = attributesToGet(request);
        Optional<String> token = request.optional("PaginationToken");
        if (filter.matchesNothing()) return ordered("Users", List.of());
        if (filter.sub().isPresent()) return ordered("Users", bySub(filter.sub().get(), shown));
        Page<User> page = administration.listUsers(filter.filter(), new PageRequest(limit, token));
        List<Map<String, Object>> users = page.items().stream().filter(filter.matches())
                .map(u -> user(u, "Attributes", shown)).toList();
        Map<String, Object> answer = ordered("Users", users);
        page.nextCursor().ifPresent(next -> answer.put("PaginationToken", next));
        return answer;
    }

    /** All attributes without AttributesToGet; only those named with it, each of which the schema must have. */
    private Predicate<String> attributesToGet(CognitoRequest request) {
        Optional<List<String>> names = request.strings("AttributesToGet");
        if (names.isEmpty()) return name -> true;
        AttributeSchema schema = attributes.schema();
        for (String name : names.get()) {
            if (!schema.has(name)) throw CognitoError.invalidParameter(NO_SUCH_ATTRIBUTE);
        }
        return Set.copyOf(names.get())::contains;
    }

    private List<Map<String, Object>> bySub(String sub, Predicate<String> shown) {
        try {
            return List.of(user(administration.findUserById(sub), "Attributes", shown));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.USER_NOT_FOUND) return List.of();
            throw e;
        }
    }
}
