package dev.userpool.cognito;

import dev.userpool.core.domain.AttributeDefinition;
import dev.userpool.core.domain.AttributeSchema;
import dev.userpool.core.domain.CodeDelivery;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.User;
import dev.userpool.core.domain.UserAttributes;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.core.domain.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Reads Cognito's user records and code deliveries in the core's terms. */
final class CognitoUsers {
    private static final Logger LOG = LoggerFactory.getLogger(CognitoUsers.class);
    static final String SUB = "sub";
    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";

    private CognitoUsers() {}

    static User from(AdminGetUserResponse r) {
        return user(r.username(), r.userAttributes(), r.enabled(), r.userStatusAsString(), r.userCreateDate());
    }

    static User from(UserType u) {
        return user(u.username(), u.attributes(), u.enabled(), u.userStatusAsString(), u.userCreateDate());
    }

    /**
     * A listed user as the core sees it, or empty for one it cannot (no {@code sub}, no usable email
     * address: a pool shared with other apps may hold such users). One odd record must not break a listing.
     */
    static Optional<User> listed(UserType u) {
        try {
            return Optional.of(from(u));
        } catch (UserPoolException e) {
            LOG.warn("Leaving Cognito user {} out of the listing: {}", u.username(), e.getMessage());
            return Optional.empty();
        }
    }

    private static User user(String username, List<AttributeType> attributes, Boolean enabled, String status,
                             Instant createdAt) {
        String sub = attribute(attributes, SUB).orElseThrow(() ->
                new UserPoolException(ErrorCode.SERVICE_UNAVAILABLE, "Cognito returned a user without a sub."));
        EmailAddress email = new EmailAddress(attribute(attributes, EMAIL).orElse(username));
        boolean verified = attribute(attributes, EMAIL_VERIFIED).map(v -> v.equalsIgnoreCase("true")).orElse(false);
        return new User(new UserId(sub), email, status(status), verified, enabled == null || enabled,
                createdAt == null ? Instant.EPOCH : createdAt, userAttributes(attributes));
    }

    /**
     * Cognito's attributes in the core's terms: the standard ones of the schema and the custom ones.
     * The account's own fields (sub, email, email_verified) are {@link User}'s; what the core does not
     * keep (phone_number_verified, identities, dev:…) is left out.
     */
    static UserAttributes userAttributes(List<AttributeType> attributes) {
        if (attributes == null || attributes.isEmpty()) return UserAttributes.none();
        java.util.TreeMap<String, String> kept = new java.util.TreeMap<>();
        for (AttributeType a : attributes) {
            String name = a.name();
            if (name == null || a.value() == null || AttributeSchema.ACCOUNT_FIELDS.contains(name)) continue;
            boolean standard = AttributeSchema.standard().stream().anyMatch(d -> d.name().equals(name));
            if (standard || name.startsWith(AttributeDefinition.CUSTOM_PREFIX)) kept.put(name, a.value());
        }
        return UserAttributes.of(kept);
    }

    /**
     * The core knows Cognito's four password states by their names ({@code UNCONFIRMED}, {@code CONFIRMED},
     * {@code FORCE_CHANGE_PASSWORD}, {@code RESET_REQUIRED}). Any other Cognito state (EXTERNAL_PROVIDER,
     * the deprecated ARCHIVED and COMPROMISED, UNKNOWN) belongs to an account that has left sign-up and
     * has no password here to choose or reset, so it is {@code CONFIRMED}, and Cognito itself refuses or
     * challenges its sign-in where it must.
     */
    static UserStatus status(String cognitoStatus) {
        if (cognitoStatus == null) return UserStatus.CONFIRMED;
        return switch (cognitoStatus) {
            case "UNCONFIRMED" -> UserStatus.UNCONFIRMED;
            case "FORCE_CHANGE_PASSWORD" -> UserStatus.FORCE_CHANGE_PASSWORD;
            case "RESET_REQUIRED" -> UserStatus.RESET_REQUIRED;
            default -> UserStatus.CONFIRMED;
        };
    }

    /**
     * Where Cognito sent a code. Cognito masks the address ({@code a***@e***.com}); one shown in the
     * clear (as some emulators do) is masked here, because whoever asks may not own the address.
     */
    static CodeDelivery delivery(CodeDeliveryDetailsType details, EmailAddress email) {
        String destination = Optional.ofNullable(details.destination()).orElse("");
        String shown = destination.contains("*") ? destination : masked(destination, email);
        String medium = Optional.ofNullable(details.deliveryMediumAsString()).orElse("EMAIL");
        String attribute = Optional.ofNullable(details.attributeName()).orElse(EMAIL);
        return new CodeDelivery(shown, medium, attribute);
    }

    private static String masked(String destination, EmailAddress email) {
        if (destination.isEmpty() || destination.toLowerCase(Locale.ROOT).equals(email.value())) return email.masked();
        return destination.charAt(0) + "***";
    }

    static Optional<String> attribute(List<AttributeType> attributes, String name) {
        if (attributes == null) return Optional.empty();
        return attributes.stream().filter(a -> name.equals(a.name())).map(AttributeType::value)
                .filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
