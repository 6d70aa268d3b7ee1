package dev.userpool.core.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Cognito's CreateResourceServer and UpdateResourceServer accept: an identifier of 1 to 256
 * printable characters without {@code "} or {@code \}, a name of 1 to 256 letters, digits, spaces
 * and {@code +=,.@-}, at most 100 scopes, each named by 1 to 256 printable characters without
 * {@code "}, {@code /} or {@code \}, with a description of 1 to 256, no name twice.
 */
public final class ResourceServerRules {
    public static final int MAX_SCOPES = 100;
    private static final Pattern IDENTIFIER = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}");
    private static final Pattern NAME = Pattern.compile("[\\w\\s+=,.@-]{1,256}", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]{1,256}");

    private ResourceServerRules() {}

    public static void check(ResourceServer server) {
        constraint(IDENTIFIER, server.identifier(), "identifier", "[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
        constraint(NAME, server.name(), "name", "[\\w\\s+=,.@-]+");
        if (server.scopes().size() > MAX_SCOPES) {
            throw invalid("1 validation error detected: Value at 'scopes' failed to satisfy constraint: Member must have"
                    + " length less than or equal to " + MAX_SCOPES);
        }
        Set<String> seen = new HashSet<>();
        for (ResourceServer.Scope scope : server.scopes()) {
            constraint(SCOPE, scope.name(), "scopes.member.scopeName", "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+");
            if (scope.description().isEmpty() || scope.description().length() > 256) {
                throw invalid("1 validation error detected: Value '" + scope.description() + "' at"
                        + " 'scopes.member.scopeDescription' failed to satisfy constraint: Member must have length between 1 and 256");
            }
            if (!seen.add(scope.name())) throw invalid("Scope " + scope.name() + " is defined more than once.");
        }
    }

    /** Cognito's answer for a resource server nobody created. */
    public static UserPoolException notFound(String identifier) {
        return new UserPoolException(ErrorCode.RESOURCE_NOT_FOUND, "Resource server " + identifier + " does not exist.");
    }

    private static void constraint(Pattern pattern, String value, String member, String shown) {
        if (!pattern.matcher(value).matches()) {
            throw invalid("1 validation error detected: Value '" + value + "' at '" + member + "' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern: " + shown + " (1 to 256 characters)");
        }
    }

    private static UserPoolException invalid(String message) {
        return new UserPoolException(ErrorCode.INVALID_PARAMETER, message);
    }
}
