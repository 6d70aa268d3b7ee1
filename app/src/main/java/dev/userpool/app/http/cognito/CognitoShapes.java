package dev.userpool.app.http.cognito;

import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The response shapes of Cognito's API reference, built in one place. */
final class CognitoShapes {
    private CognitoShapes() {}

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    /** CodeDeliveryDetailsType. */
    static Map<String, Object> delivery(CodeDelivery d) {
        return ordered("Destination", d.destination(), "DeliveryMedium", d.medium(), "AttributeName", d.attributeName());
    }

    /** AuthenticationResultType; a refresh answers without a RefreshToken. */
    static Map<String, Object> authenticationResult(Tokens tokens) {
        Map<String, Object> result = ordered("AccessToken", tokens.accessToken(), "ExpiresIn", tokens.expiresIn().toSeconds(),
                "IdToken", tokens.idToken());
        tokens.refreshToken().ifPresent(r -> result.put("RefreshToken", r));
        result.put("TokenType", tokens.tokenType());
        return ordered("AuthenticationResult", result, "ChallengeParameters", Map.of());
    }

    /** Every attribute of the account: sub, email_verified, email, then the others by name. */
    static List<Map<String, Object>> attributes(User u) {
        return attributes(u, name -> true);
    }

    /** The attributes of the account {@code shown} allows, in the order of {@link #attributes(User)}. */
    static List<Map<String, Object>> attributes(User u, Predicate<String> shown) {
        List<Map<String, Object>> all = new ArrayList<>();
        if (shown.test("sub")) all.add(ordered("Name", "sub", "Value", u.id().value()));
        if (shown.test("email_verified")) all.add(ordered("Name", "email_verified", "Value", Boolean.toString(u.emailVerified())));
        if (shown.test("email")) all.add(ordered("Name", "email", "Value", u.email().value()));
        u.attributes().values().forEach((name, value) -> {
            if (shown.test(name)) all.add(ordered("Name", name, "Value", value));
        });
        return all;
    }

    /** UserType of ListUsers; {@code attributesName} is "Attributes" there and "UserAttributes" in AdminGetUser. */
    static Map<String, Object> user(User u, String attributesName) {
        return user(u, attributesName, name -> true);
    }

    /** UserType with only the attributes {@code shown} allows (ListUsers' AttributesToGet). */
    static Map<String, Object> user(User u, String attributesName, Predicate<String> shown) {
        // In a pool whose users sign in with their email, Cognito's username is the sub.
        return ordered("Username", u.id().value(), attributesName, attributes(u, shown),
                "UserCreateDate", epochSeconds(u.createdAt()), "UserLastModifiedDate", epochSeconds(u.createdAt()),
                "Enabled", u.enabled(), "UserStatus", u.status().name());
    }

    /** AWS JSON writes timestamps as epoch seconds, with the fraction. */
    static BigDecimal epochSeconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
    }
}
