package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListUsers' {@code Filter}: one condition, {@code attribute = "value"} or {@code attribute ^= "value"}
 * (Cognito's grammar). What the core's {@link UserFilter} can say goes there (status, address prefix);
 * the rest is a test on each listed user ({@link #matches}). A {@code sub} or {@code username} filter
 * names at most one account ({@link #sub}).
 */
record ListUsersFilter(UserFilter filter, Predicate<User> matches, Optional<String> sub, boolean matchesNothing) {
    private static final Pattern EXPRESSION = Pattern.compile("\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

    static ListUsersFilter none() {
        return new ListUsersFilter(UserFilter.all(), u -> true, Optional.empty(), false);
    }

    static ListUsersFilter parse(Optional<String> expression) {
        if (expression.isEmpty() || expression.get().isBlank()) return none();
        Matcher m = EXPRESSION.matcher(expression.get());
        if (!m.matches()) throw CognitoError.invalidParameter("Invalid search filter: " + expression.get());
        String attribute = m.group(1);
        boolean prefix = m.group(2).equals("^=");
        String value = m.group(3).replaceAll("\\\\(.)", "$1");
        return switch (attribute) {
            case "email" -> {
                String lower = value.strip().toLowerCase(Locale.ROOT);
                UserFilter byPrefix = new UserFilter(Optional.empty(), Optional.empty(), Optional.of(lower));
                yield new ListUsersFilter(byPrefix, prefix ? u -> true : u -> u.email().value().equals(lower), Optional.empty(), false);
            }
            case "cognito:user_status" -> status(value, prefix);
            case "status" -> new ListUsersFilter(UserFilter.all(),
                    u -> matchesText(u.enabled() ? "Enabled" : "Disabled", value, prefix), Optional.empty(), false);
            case "sub", "username" -> {
                if (prefix) throw CognitoError.invalidParameter("Invalid search filter: this pool filters " + attribute + " with = only.");
                yield new ListUsersFilter(UserFilter.all(), u -> u.id().value().equals(value), Optional.of(value), false);
            }
            case "phone_number", "name", "given_name", "family_name", "preferred_username" ->
                    new ListUsersFilter(UserFilter.all(), u -> false, Optional.empty(), true);   // no account has these
            default -> throw CognitoError.invalidParameter("Invalid search filter: " + attribute + " is not a searchable attribute.");
        };
    }

    /** Cognito's status names; the core knows two, and no account here is in any other. */
    private static ListUsersFilter status(String value, boolean prefix) {
        for (UserStatus s : UserStatus.values()) {
            if (matchesText(s.name(), value, prefix)) {
                boolean both = prefix && matchesText(otherThan(s).name(), value, true);
                UserFilter f = both ? UserFilter.all() : new UserFilter(Optional.of(s), Optional.empty(), Optional.empty());
                return new ListUsersFilter(f, u -> true, Optional.empty(), false);
            }
        }
        return new ListUsersFilter(UserFilter.all(), u -> false, Optional.empty(), true);
    }

    private static UserStatus otherThan(UserStatus s) {
        return s == UserStatus.CONFIRMED ? UserStatus.UNCONFIRMED : UserStatus.CONFIRMED;
    }

    private static boolean matchesText(String actual, String value, boolean prefix) {
        return prefix ? actual.startsWith(value) : actual.equals(value);
    }
}
