package dev.userpool.core.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes a pool's app clients may be granted, as Cognito names them: the OpenID Connect ones, the
 * one that lets an access token call the user-pool API's self-service operations, and custom
 * {@code resource-server/scope}s (which alone the client-credentials grant gives).
 */
public final class OAuthScopes {
    public static final String OPENID = "openid";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String PROFILE = "profile";
    /** Cognito's scope for the self-service operations of the user-pool API (GetUser, ChangePassword, …). */
    public static final String COGNITO_ADMIN = "aws.cognito.signin.user.admin";
    /** Every scope that is not a resource server's. */
    public static final Set<String> STANDARD = Set.of(OPENID, EMAIL, PHONE, PROFILE, COGNITO_ADMIN);

    private OAuthScopes() {}

    /** A {@code scope} parameter (space-separated, RFC 6749 §3.3), in the order given, without repeats. */
    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) return Set.of();
        return Arrays.stream(scope.strip().split(" +")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** An unmodifiable copy that keeps the order given (a {@code scope} claim repeats the request's order). */
    public static Set<String> ordered(Set<String> scopes) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    }

    /** The space-separated form, as the {@code scope} claim and parameter carry it. */
    public static String format(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    /** A resource server's scope ({@code identifier/name}). */
    public static boolean isCustom(String scope) {
        return !STANDARD.contains(scope) && scope.indexOf('/') > 0;
    }
}
