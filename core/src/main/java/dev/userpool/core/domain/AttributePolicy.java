package dev.userpool.core.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pool's configuration of attributes: which ones sign-up requires, and which the app client may
 * read and write (Cognito's {@code ReadAttributes} and {@code WriteAttributes}; empty means Cognito's
 * default client, which may read and write all). {@code sub} is always readable, and neither {@code sub}
 * nor {@code email_verified} is ever the client's to write. What a client may not read is left out of
 * what it is shown and of the tokens; a write it may not make is Cognito's
 * {@code NotAuthorizedException} "A client attempted to write unauthorized attribute".
 */
public record AttributePolicy(Set<String> requiredAtSignUp, Optional<Set<String>> clientReads,
                              Optional<Set<String>> clientWrites) {
    public static final String UNAUTHORIZED_WRITE = "A client attempted to write unauthorized attribute";

    public AttributePolicy {
        requiredAtSignUp = Set.copyOf(requiredAtSignUp);
        clientReads = Objects.requireNonNull(clientReads, "clientReads").map(Set::copyOf);
        clientWrites = Objects.requireNonNull(clientWrites, "clientWrites").map(Set::copyOf);
        for (String name : requiredAtSignUp) {
            if (name.startsWith(AttributeDefinition.CUSTOM_PREFIX)) {
                throw new IllegalArgumentException("Required custom attributes are not supported: " + name);
            }
            if (AttributeSchema.standard().stream().noneMatch(d -> d.name().equals(name)) || name.equals(AttributeSchema.SUB)) {
                throw new IllegalArgumentException("not a standard attribute sign-up can require: " + name);
            }
        }
    }

    /** Cognito's default: nothing required but the address (the username), a client that reads and writes all. */
    public static AttributePolicy cognitoDefault() {
        return new AttributePolicy(Set.of(), Optional.empty(), Optional.empty());
    }

    public boolean isRequired(String name) {
        return requiredAtSignUp.contains(name);
    }

    public boolean clientMayRead(String name) {
        return AttributeSchema.SUB.equals(name) || clientReads.map(s -> s.contains(name)).orElse(true);
    }

    public boolean clientMayWrite(String name) {
        if (AttributeSchema.SUB.equals(name) || AttributeSchema.EMAIL_VERIFIED.equals(name)) return false;
        return clientWrites.map(s -> s.contains(name)).orElse(true);
    }

    /** {@code NotAuthorized} when the client may not write one of {@code names}. */
    public void requireClientMayWrite(Collection<String> names) {
        for (String name : names) {
            if (!clientMayWrite(name)) throw UserPoolException.notAuthorized(UNAUTHORIZED_WRITE);
        }
    }

    /** The attributes the client may read. */
    public UserAttributes readableByClient(UserAttributes attributes) {
        TreeMap<String, String> shown = new TreeMap<>();
        attributes.values().forEach((name, value) -> {
            if (clientMayRead(name)) shown.put(name, value);
        });
        return UserAttributes.of(shown);
    }

    /** Sign-up's required attributes present, the address counted as given (it is the username). */
    public void requirePresentAtSignUp(Collection<String> given) {
        for (String name : requiredAtSignUp) {
            if (!name.equals(AttributeSchema.EMAIL) && !given.contains(name)) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                        "Attributes did not conform to the schema: " + name + ": The attribute is required\n");
            }
        }
    }

    /** A required attribute cannot be deleted. */
    public void requireDeletable(Collection<String> names) {
        for (String name : names) {
            if (isRequired(name)) {
                throw new UserPoolException(ErrorCode.INVALID_PARAMETER,
                        "Attributes did not conform to the schema: " + name + ": The attribute is required\n");
            }
        }
    }
}
