package dev.userpool.cognito;

import dev.userpool.core.domain.Page;
import dev.userpool.core.domain.PageRequest;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Lists a pool's users a page at a time with ListUsers and the SDK's paginator. ListUsers takes one
 * filter expression on a few attributes and none on {@code email_verified}, so the most selective
 * condition goes to Cognito and the whole {@link UserFilter} is applied to what comes back; the
 * position inside Cognito's pages travels in a {@link ListCursor}.
 */
final class CognitoUserListing {
    /** ListUsers' largest page. */
    static final int COGNITO_PAGE_LIMIT = 60;
    /** At most this many Cognito pages per call, so a filter that matches little cannot scan a whole pool at once. */
    static final int MAX_COGNITO_PAGES_PER_CALL = 10;

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    CognitoUserListing(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.userPoolId = Objects.requireNonNull(userPoolId, "userPoolId");
    }

    Page<User> list(UserFilter filter, PageRequest page) {
        Optional<String> expression = cognitoFilter(filter);
        String query = expression.orElse("");
        ListCursor start = page.cursor().map(c -> ListCursor.decode(c, query)).orElse(ListCursor.first(query));
        // When Cognito's filter says everything, its page can be exactly ours; otherwise read big pages and sift.
        int cognitoLimit = siftsLocally(filter, expression) ? COGNITO_PAGE_LIMIT : page.limit();
        ListUsersRequest request = ListUsersRequest.builder().userPoolId(userPoolId).limit(cognitoLimit)
                .filter(expression.orElse(null)).paginationToken(start.paginationToken().orElse(null)).build();
        return CognitoSdkFailures.call("ListUsers", () -> collect(request, start, filter, page.limit()));
    }

    private Page<User> collect(ListUsersRequest request, ListCursor start, UserFilter filter, int limit) {
        List<User> matches = new ArrayList<>();
        Optional<String> pageToken = start.paginationToken();
        int skip = start.skip();
        int pagesRead = 0;
        for (ListUsersResponse response : cognito.listUsersPaginator(request)) {
            List<UserType> users = response.users();
            Optional<String> next = Optional.ofNullable(response.paginationToken()).filter(t -> !t.isEmpty());
            for (int i = skip; i < users.size(); i++) {
                Optional<User> user = CognitoUsers.listed(users.get(i));
                if (user.isEmpty() || !filter.matches(user.get())) continue;
                matches.add(user.get());
                if (matches.size() == limit) {
                    if (i + 1 < users.size()) return page(matches, new ListCursor(start.query(), pageToken, i + 1));
                    return page(matches, next.map(t -> new ListCursor(start.query(), Optional.of(t), 0)));
                }
            }
            skip = 0;
            if (next.isEmpty()) break;
            pageToken = next;
            if (++pagesRead >= MAX_COGNITO_PAGES_PER_CALL) {
                return page(matches, new ListCursor(start.query(), next, 0));   // a short page; the cursor goes on
            }
        }
        return new Page<>(matches, Optional.empty());
    }

    /** The account with this {@code sub}, through ListUsers' {@code sub} filter (AdminGetUser wants a username). */
    Optional<User> findBySub(UserId id) {
        if (!id.value().matches("[\\p{Alnum}-]{1,128}")) return Optional.empty();   // no sub looks otherwise
        ListUsersRequest request = ListUsersRequest.builder().userPoolId(userPoolId).limit(1)
                .filter("sub = \"" + id.value() + "\"").build();
        List<UserType> users = CognitoSdkFailures.call("ListUsers", () -> cognito.listUsers(request)).users();
        return users.stream().map(CognitoUsers::listed).flatMap(Optional::stream).filter(u -> u.id().equals(id)).findFirst();
    }

    /** The one condition Cognito can apply: an attribute's value or prefix, an email prefix, else the UNCONFIRMED status. */
    static Optional<String> cognitoFilter(UserFilter filter) {
        if (filter.attribute().isPresent()) {
            UserFilter.AttributeCondition a = filter.attribute().get();
            return Optional.of(a.name() + (a.prefix() ? " ^= \"" : " = \"") + quoted(a.value()) + "\"");
        }
        if (filter.emailPrefix().filter(p -> !p.isEmpty()).isPresent()) {
            return Optional.of("email ^= \"" + quoted(filter.emailPrefix().get()) + "\"");
        }
        if (filter.status().filter(s -> s == UserStatus.UNCONFIRMED).isPresent()) {
            return Optional.of("cognito:user_status = \"UNCONFIRMED\"");
        }
        return Optional.empty();
    }

    /** Whether users Cognito returns may still fail the filter (so pages are sifted here). */
    private static boolean siftsLocally(UserFilter filter, Optional<String> expression) {
        boolean statusByCognito = expression.filter(e -> e.startsWith("cognito:user_status")).isPresent();
        // with an attribute condition sent to Cognito, an email prefix is left to this side
        boolean emailLeft = filter.attribute().isPresent() && filter.emailPrefix().filter(p -> !p.isEmpty()).isPresent();
        return filter.emailVerified().isPresent() || (filter.status().isPresent() && !statusByCognito) || emailLeft;
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static Page<User> page(List<User> users, ListCursor next) {
        return new Page<>(users, Optional.of(next.encode()));
    }

    private static Page<User> page(List<User> users, Optional<ListCursor> next) {
        return new Page<>(users, next.map(ListCursor::encode));
    }
}
