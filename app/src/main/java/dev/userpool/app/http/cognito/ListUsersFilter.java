package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserFilter;
import dev.userpool.core.domain.UserStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * ListUsers' {@code Filter}: one condition, {@code attribute = "value"} or {@code attribute ^= "value"}
 * (Cognito's grammar). What the core's {@link UserFilter} can say goes there (status, address prefix);
 * the rest is a test on each listed user ({@link #matches}). A {@code sub} or {@code username} filter
 * names at most one account ({@link #sub}).
 */
record ListUsersFilter(UserFilter filter, Predicate<User> matches, Optional<String> sub, boolean matchesNothing) {
    /** Cognito's limit on ListUsers' Filter. */
    static final int MAX_LENGTH = 256;

    static ListUsersFilter none() {
        return new ListUsersFilter(UserFilter.all(), u -> true, Optional.empty(), false);
    }

    static ListUsersFilter parse(Optional<String> expression) {
        // the limit first: Cognito refuses a longer Filter even when it is all blanks (found by fuzzing)
        if (expression.isPresent() && expression.get().length() > MAX_LENGTH) {
            throw CognitoError.invalidParameter("1 validation error detected: Value at 'filter' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_LENGTH);
        }
        if (expression.isEmpty() || expression.get().isBlank()) return none();
        Condition c = Condition.read(expression.get())
                .orElseThrow(() -> CognitoError.invalidParameter("Invalid search filter: " + expression.get()));
        return of(c.attribute(), c.prefix(), c.value());
    }

    /**
     * {@code attribute = "value"} or {@code attribute ^= "value"}, blanks around each part, a backslash in the
     * value taking the next character as it is. Read in one pass, left to right: no regular expression, whose
     * backtracking recursion overflowed the stack on a long quoted value (issue 18).
     */
    record Condition(String attribute, boolean prefix, String value) {
        static Optional<Condition> read(String text) {
            int i = skipBlanks(text, 0);
            int start = i;
            while (i < text.length() && isNameChar(text.charAt(i))) i++;
            if (i == start) return Optional.empty();
            String attribute = text.substring(start, i);
            i = skipBlanks(text, i);
            boolean prefix = i < text.length() && text.charAt(i) == '^';
            if (prefix) i++;
            if (i >= text.length() || text.charAt(i) != '=') return Optional.empty();
            i = skipBlanks(text, i + 1);
            if (i >= text.length() || text.charAt(i) != '"') return Optional.empty();
            StringBuilder value = new StringBuilder();
            i++;
            while (true) {
                if (i >= text.length()) return Optional.empty();   // no closing quote
                char ch = text.charAt(i);
                if (ch == '"') break;
                if (ch == '\\') {
                    if (i + 1 >= text.length()) return Optional.empty();
                    ch = text.charAt(++i);
                }
                value.append(ch);
                i++;
            }
            if (skipBlanks(text, i + 1) != text.length()) return Optional.empty();
            return Optional.of(new Condition(attribute, prefix, value.toString()));
        }

        private static boolean isNameChar(char ch) {
            return ch == '_' || ch == ':' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        }

        /** Past the blanks the old grammar allowed (regex {@code \s}: space, tab, line feed, vertical tab, form feed, return). */
        private static int skipBlanks(String text, int i) {
            while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) i++;
            return i;
        }
    }

    private static ListUsersFilter of(String attribute, boolean prefix, String value) {
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
                    // the directory answers these from its index on attributes
                    new ListUsersFilter(UserFilter.attribute(attribute, value, prefix), u -> true, Optional.empty(), false);
            default -> throw CognitoError.invalidParameter("Invalid search filter: " + attribute + " is not a searchable attribute.");
        };
    }

    /**
     * Cognito's status names: the core knows UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD and
     * RESET_REQUIRED, and no account here is in any other. One status matching is the directory's filter;
     * a prefix matching several ({@code ^= ""}) filters the page by those.
     */
    private static ListUsersFilter status(String value, boolean prefix) {
        java.util.Set<UserStatus> matching = java.util.EnumSet.noneOf(UserStatus.class);
        for (UserStatus s : UserStatus.values()) {
            if (matchesText(s.name(), value, prefix)) matching.add(s);
        }
        if (matching.isEmpty()) return new ListUsersFilter(UserFilter.all(), u -> false, Optional.empty(), true);
        if (matching.size() == 1) {
            UserFilter f = new UserFilter(Optional.of(matching.iterator().next()), Optional.empty(), Optional.empty());
            return new ListUsersFilter(f, u -> true, Optional.empty(), false);
        }
        return new ListUsersFilter(UserFilter.all(), u -> matching.contains(u.status()), Optional.empty(), false);
    }

    private static boolean matchesText(String actual, String value, boolean prefix) {
        return prefix ? actual.startsWith(value) : actual.equals(value);
    }
}
